import type { Readable, Writable } from 'node:stream'
import { type Command, CommanderError } from 'commander'
import { demoCommand } from './internal/commands/demoCommand.js'
import { didCommand } from './internal/commands/didCommand.js'
import { issueCommand } from './internal/commands/issueCommand.js'
import { keysCommand } from './internal/commands/keysCommand.js'
import { qrCommand } from './internal/commands/qrCommand.js'
import { serveCommand } from './internal/commands/serveCommand.js'
import { statusCommand } from './internal/commands/statusCommand.js'
import { verifyCommand } from './internal/commands/verifyCommand.js'
import { walletCommand } from './internal/commands/walletCommand.js'
import { colorsFor, createContext } from './internal/context.js'
import { describeFailure, EXIT, failureLines } from './internal/failure.js'
import { createProgram, withExamples } from './internal/program.js'

/** Commands made on their own take the root's output, error and help settings, all the way down. */
function inheritSettings(command: Command, parent: Command): void {
  command.copyInheritedSettings(parent)
  for (const child of command.commands) inheritSettings(child, command)
}

/** Options for {@link runCli}: the arguments and the process's streams and environment. */
export interface RunCliOptions {
  /** The arguments after the program name (`process.argv.slice(2)`). */
  argv: readonly string[]
  /** Environment variables (`CIVITAS_PASSPHRASE`, `CIVITAS_DATABASE_URL`, `NO_COLOR`, `FORCE_COLOR`). */
  env?: Readonly<Record<string, string | undefined>>
  stdin?: Readable & { isTTY?: boolean }
  stdout?: Writable & { isTTY?: boolean }
  stderr?: Writable & { isTTY?: boolean }
}

/** What {@link runCli} ends with: the process exit code (0 success, 1 failed or rejected, 2 usage error). */
export interface RunCliResult {
  exitCode: number
}

/**
 * Runs the `civitas` command line: parses `argv`, runs the command, prints its output (text, or
 * JSON with `--json`) and turns errors into a message with a hint and an exit code. It never
 * throws and never exits the process; the `civitas` binary sets `process.exitCode` from the result.
 *
 * @throws nothing: every failure becomes an exit code and a message on stderr.
 * @example
 * ```ts
 * import { runCli } from '@civitas/cli'
 *
 * const { exitCode } = await runCli({ argv: ['qr', 'show', 'CV1:EXAMPLE'] })
 * process.exitCode = exitCode
 * ```
 */
export async function runCli(options: RunCliOptions): Promise<RunCliResult> {
  const context = createContext({
    env: options.env ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
  })
  let exitCode: number = EXIT.ok
  const setExitCode = (code: number) => {
    exitCode = code
  }
  const program = createProgram(context)
  program.hook('preAction', (_root, action) => {
    if (action.optsWithGlobals().color === false)
      context.color = colorsFor(context.stdout, context.env, false)
  })
  withExamples(program, [
    'civitas keys create && civitas did create key',
    'civitas issue --template membership --subject did:key:z6Mk… --claim community=Supilinn --claim role=member --claim memberSince=2024-03-01',
    'civitas verify --image pass.png --trust MembershipCard=did:key:z6Mk…',
    'civitas demo',
  ])
  for (const command of [
    keysCommand(context),
    didCommand(context),
    issueCommand(context),
    walletCommand(context),
    verifyCommand(context, setExitCode),
    qrCommand(context),
    statusCommand(context),
    serveCommand(context, setExitCode),
    demoCommand(context),
  ]) {
    program.addCommand(command)
    inheritSettings(command, program)
  }
  try {
    await program.parseAsync([...options.argv], { from: 'user' })
    return { exitCode }
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; anything else commander refused is a usage error.
      return { exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.usage }
    }
    const failure = describeFailure(error)
    const err = colorsFor(context.stderr, context.env)
    if (context.json) {
      const { code, message, details, hint } = failure
      context.emit({ ok: false, error: { code, message, details, hint } })
    } else {
      const lines = failureLines(failure)
      context.stderr.write(`${err.red(lines.error)} ${err.dim(`(${failure.code})`)}\n`)
      for (const line of lines.details) context.stderr.write(`${line}\n`)
      context.stderr.write(`${err.yellow('hint:')} ${lines.hint}\n`)
    }
    return { exitCode: failure.exitCode }
  }
}
