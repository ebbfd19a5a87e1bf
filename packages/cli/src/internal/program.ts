import { createRequire } from 'node:module'
import { Command } from 'commander'
import type { CliContext } from './context.js'
import { DEFAULT_STORE } from './keyStore.js'

/** The options every command accepts. */
export interface GlobalOptions {
  json: boolean
  color: boolean
  store: string
  wallet: string
}

/** Adds an "Examples:" section to a command's `--help`. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`)
}

/** The global options of the command that runs, with `--json` and colour applied to the context. */
export function globalsOf(context: CliContext, command: Command): GlobalOptions {
  const options = command.optsWithGlobals() as GlobalOptions
  context.json = options.json === true
  return options
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

// The same relative path from src/internal and dist/internal: the package's own manifest.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string }

/** The root command with its global options; sub-commands are added by the caller. */
export function createProgram(context: CliContext): Command {
  const program = new Command('civitas')
    .description('Decentralized identity from the command line: keys, DIDs, credentials, wallets, verifying.')
    .version(version, '-V, --version', 'print the version of civitas')
    .option('--json', 'print machine-readable JSON instead of text', false)
    .option('--no-color', 'print without colour (NO_COLOR is honoured too)')
    .option('--store <path>', 'the encrypted key store file', DEFAULT_STORE)
    .option('--wallet <path>', 'the wallet credential file', '.civitas/wallet.json')
    .showHelpAfterError('(add --help for the options and examples)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      outputError: (text, write) => write(context.color.red(text)),
    })
    .exitOverride()
  return program
}
