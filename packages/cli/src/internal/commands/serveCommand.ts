import { Command, Option } from 'commander'
import type { CliContext } from '../context.js'
import { EXIT } from '../failure.js'
import { collect, globalsOf, withExamples } from '../program.js'
import { ethrOptions } from '../resolver.js'
import { listenOptions } from '../serve/listen.js'
import { type ServeIssuerFlags, serveIssuer } from '../serve/serveIssuer.js'
import { type ServeVerifierFlags, serveVerifier } from '../serve/serveVerifier.js'
import { registryOptions } from '../statusRegistry.js'

/** `civitas serve issuer|verifier`: local servers for development and demos. */
export function serveCommand(context: CliContext, setExitCode: (code: number) => void): Command {
  const serve = withExamples(
    new Command('serve').description('run an issuer or a verifier on this machine'),
    [
      'civitas serve issuer --database-url postgres://127.0.0.1/city',
      'civitas serve verifier --type ResidencyCard --trust ResidencyCard=did:web:tartu.ee',
    ],
  )

  const issuer = listenOptions(
    serve
      .command('issuer')
      .description("serve the issuer's did:web document and its status lists (until Ctrl-C)")
      .option(
        '--issuer-key <kid>',
        "the issuer's DID URL, DID or key id (default: the store's only identity)",
      )
      .option('--public-url <url>', 'the URL the world reaches this server at (default: the local one)'),
  )
  registryOptions(issuer, context.env)
  withExamples(issuer, [
    'civitas serve issuer --port 8080',
    'civitas serve issuer --database-url postgres://issuer@127.0.0.1:5432/city --public-url https://city.example',
  ]).action(async (flags: ServeIssuerFlags, command: Command) => {
    await serveIssuer(context, globalsOf(context, command).store, flags)
    setExitCode(EXIT.ok)
  })

  const verifier = ethrOptions(
    listenOptions(
      serve
        .command('verifier')
        .description(
          'a "sign in with your wallet" relying party: prints a QR code, waits for wallets (until Ctrl-C)',
        )
        .requiredOption('--type <type>', 'the credential type to ask for')
        .addOption(
          new Option('--format <format>', 'the credential format to ask for')
            .choices(['vc+jwt', 'jwt_vc_json'])
            .default('vc+jwt'),
        )
        .option('--trust <type=did>', 'trust this issuer for this type (repeatable)', collect, [])
        .option('--trust-any', 'trust every issuer')
        .option(
          '--allow-http-status',
          'fetch status lists over plain http and from loopback hosts (local servers only)',
        )
        .option('--once', 'stop after the first sign-in; exit 0 if it succeeded, 1 if not'),
    ),
  )
  withExamples(verifier, [
    'civitas serve verifier --type ResidencyCard --trust ResidencyCard=did:web:tartu.ee',
    'civitas serve verifier --type MembershipCard --trust-any --once --json',
  ]).action(async (flags: ServeVerifierFlags, command: Command) => {
    globalsOf(context, command)
    setExitCode((await serveVerifier(context, flags)) ? EXIT.ok : EXIT.failed)
  })
  return serve
}
