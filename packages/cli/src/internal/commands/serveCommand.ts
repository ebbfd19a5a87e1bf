import type { DidDocument } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidWebDocument, createDidWebHandler, didWebDocumentUrl } from '@civitas/did/web'
import { renderQr } from '@civitas/qr/render'
import { createSignInRelyingParty, type SignInRelyingParty } from '@civitas/sign-in'
import { createStatusListPublisher, type StatusListPublisher } from '@civitas/status-list'
import { createVerifier } from '@civitas/verifier'
import { Command, Option } from 'commander'
import { startLoopbackServer } from '../../demo/startLoopbackServer.js'
import type { CliContext } from '../context.js'
import { EXIT, usageError } from '../failure.js'
import { findIdentity, identityOf } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { collect, globalsOf, withExamples } from '../program.js'
import { cliResolver } from '../resolver.js'
import { openStatusRegistry, type RegistryFlags, registryOptions } from '../statusRegistry.js'
import { untilStopped } from '../untilStopped.js'
import { reportJson } from './verifyCommand.js'

interface ListenFlags {
  host: string
  port: string
}

function listenOptions(command: Command): Command {
  return command
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port (0: any free port)', '0')
}

function portOf(flags: ListenFlags): number {
  const port = Number(flags.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageError('--port: expected 0 to 65535')
  return port
}

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
  ]).action(
    async (
      flags: ListenFlags & RegistryFlags & { issuerKey?: string; publicUrl?: string },
      command: Command,
    ) => {
      const { store } = globalsOf(context, command)
      const record = await findIdentity(store, flags.issuerKey)
      const port = portOf(flags)
      // The signing key moves into memory for the server's life, so the key store file stays free
      // for \`civitas issue\` while the server runs.
      const keyStore = createMemoryKeyStore()
      await withKeyStore(context, store, async (file) => {
        await keyStore.importKey({ privateJwk: await file.exportPrivateKey(record.keyId), id: record.keyId })
      })
      {
        const identity = await identityOf(keyStore, record)
        let document: DidDocument | undefined
        let didPath: string | undefined
        if (record.method === 'web') {
          const key = await keyStore.getKey(record.keyId)
          document = createDidWebDocument({
            did: record.did,
            keys: [{ publicJwk: key?.publicJwk, fragment: record.keyId }],
          })
          didPath = new URL(didWebDocumentUrl(record.did)).pathname
        }
        const didHandler = document === undefined ? undefined : createDidWebHandler(document)
        let status: StatusListPublisher | undefined
        const registry = flags.databaseUrl === undefined ? undefined : openStatusRegistry(flags)
        const server = await context.progress('Starting the issuer…', () =>
          startLoopbackServer(
            async (request) => {
              const { pathname } = new URL(request.url)
              if (status !== undefined && pathname.startsWith('/status/')) return status.handler(request)
              if (didHandler !== undefined && pathname === didPath) return didHandler(request)
              return new Response('not found', { status: 404 })
            },
            { host: flags.host, port },
          ),
        )
        const base = (flags.publicUrl ?? server.origin).replace(/\/+$/, '')
        if (registry !== undefined) {
          status = createStatusListPublisher({ registry, issuer: identity, baseUrl: `${base}/status` })
        }
        const urls = {
          origin: server.origin,
          ...(didPath === undefined ? {} : { didDocument: `${server.origin}${didPath}` }),
          ...(status === undefined ? {} : { statusLists: `${base}/status` }),
        }
        if (context.json) context.emit({ event: 'listening', did: record.did, ...urls })
        else {
          context.line(
            `${context.color.green('●')} issuer ${context.color.bold(record.did)} on ${server.origin}`,
          )
          if (urls.didDocument !== undefined) context.line(`  did.json      ${urls.didDocument}`)
          else
            context.line(
              context.color.dim(
                `  (no did.json: ${record.method === 'web' ? '' : `did:${record.method} needs none`})`,
              ),
            )
          if (urls.statusLists !== undefined)
            context.line(
              `  status lists  ${urls.statusLists}/<list id>   (issue with --status-url ${urls.statusLists})`,
            )
          else context.line(context.color.dim('  (no status lists: add --database-url)'))
          context.line(context.color.dim('  Ctrl-C stops'))
        }
        await untilStopped().done
        await server.close()
        await registry?.close()
      }
      setExitCode(EXIT.ok)
    },
  )

  const verifier = listenOptions(
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
      .option('--allow-http-status', 'fetch status lists over plain http (local servers only)')
      .option('--once', 'stop after the first sign-in; exit 0 if it succeeded, 1 if not'),
  )
  withExamples(verifier, [
    'civitas serve verifier --type ResidencyCard --trust ResidencyCard=did:web:tartu.ee',
    'civitas serve verifier --type MembershipCard --trust-any --once --json',
  ]).action(async (flags: VerifierFlags, command: Command) => {
    globalsOf(context, command)
    const port = portOf(flags)
    const trust = trustOf(flags)
    const resolver = cliResolver()
    let relyingParty: SignInRelyingParty | undefined
    const server = await context.progress('Starting the verifier…', () =>
      startLoopbackServer(
        async (request) => relyingParty?.handler(request) ?? new Response(null, { status: 503 }),
        {
          host: flags.host,
          port,
        },
      ),
    )
    relyingParty = createSignInRelyingParty({
      baseUrl: `${server.origin}/sign-in`,
      resolver,
      verifier: createVerifier({
        resolver,
        trust,
        ...(flags.allowHttpStatus === true ? { status: { allowHttp: true } } : {}),
      }),
    })
    const stopped = untilStopped()
    let ok = true
    try {
      while (true) {
        const outcome = await signInOnce(context, relyingParty, flags, server.origin, stopped.done)
        if (outcome === 'stopped') break
        ok = outcome === 'complete'
        if (flags.once === true) break
      }
    } finally {
      stopped.stop()
      await server.close()
    }
    setExitCode(ok ? EXIT.ok : EXIT.failed)
  })
  return serve
}

interface VerifierFlags extends ListenFlags {
  type: string
  format: 'vc+jwt' | 'jwt_vc_json'
  trust: string[]
  trustAny?: boolean
  allowHttpStatus?: boolean
  once?: boolean
}

function trustOf(flags: { trust: string[]; trustAny?: boolean }): 'any' | Record<string, string[]> {
  if (flags.trustAny === true) return 'any'
  if (flags.trust.length === 0)
    throw usageError('say whom to trust: --trust Type=did (repeatable), or --trust-any')
  const trust: Record<string, string[]> = {}
  for (const entry of flags.trust) {
    const [type, did] = entry.split(/=(.*)/s)
    if (!type || !did?.startsWith('did:')) throw usageError(`--trust ${entry}: expected Type=did:…`)
    trust[type] = [...(trust[type] ?? []), did]
  }
  return trust
}

/** Starts one sign-in, shows its QR code and waits for it to end. */
async function signInOnce(
  context: CliContext,
  relyingParty: SignInRelyingParty,
  flags: VerifierFlags,
  origin: string,
  stopped: Promise<void>,
): Promise<'complete' | 'failed' | 'expired' | 'stopped'> {
  const { id, qr, expiresAt } = await relyingParty.start({
    query: {
      credentials: [{ id: 'credential', format: flags.format, meta: { type_values: [[flags.type]] } }],
    },
  })
  if (context.json) context.emit({ event: 'sign-in', origin, qr, expiresAt })
  else {
    context.stdout.write(renderQr(qr, { format: 'terminal', errorCorrection: 'L' }))
    context.line(`${context.color.green('●')} verifier on ${origin}: scan with a wallet, or run`)
    context.line(`  civitas wallet present --request '${qr}' --allow-loopback-http`)
  }
  let stop = false
  void stopped.then(() => {
    stop = true
  })
  const wait = () => new Promise((resolve) => setTimeout(resolve, 250))
  return context.progress('Waiting for a wallet…', async () => {
    while (!stop) {
      const status = await relyingParty.status(id)
      if (status.status === 'complete') {
        const { result } = status
        if (context.json) {
          context.emit({
            event: 'complete',
            did: result.did,
            claims: result.claims,
            credentials: Object.fromEntries(
              Object.entries(result.credentials).map(([query, reports]) => [query, reports.map(reportJson)]),
            ),
          })
        } else {
          context.line(`${context.color.green('✓')} signed in: ${context.color.bold(result.did)}`)
          context.line(`  claims  ${JSON.stringify(result.claims)}`)
        }
        return 'complete'
      }
      if (status.status === 'failed' || status.status === 'expired') {
        if (context.json)
          context.emit({ event: status.status, ...(status.status === 'failed' ? { code: status.code } : {}) })
        else
          context.line(
            `${context.color.red('✗')} sign-in ${status.status}${status.status === 'failed' ? `: ${status.code}` : ''}`,
          )
        return status.status
      }
      await wait()
    }
    return 'stopped'
  })
}
