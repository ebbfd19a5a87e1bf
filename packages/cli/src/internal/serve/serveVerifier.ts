import { renderQr } from '@civitas/qr/render'
import { createSignInRelyingParty, type SignInRelyingParty } from '@civitas/sign-in'
import { createVerifier, type Report } from '@civitas/verifier'
import { startLoopbackServer } from '../../demo/startLoopbackServer.js'
import { reportJson } from '../commands/verifyCommand.js'
import type { CliContext } from '../context.js'
import { cliResolver, type EthrFlags } from '../resolver.js'
import { statusFetch } from '../statusFetch.js'
import { trustPolicy } from '../trustPolicy.js'
import { untilStopped } from '../untilStopped.js'
import { type ListenFlags, portOf } from './listen.js'
import { logRefusals, type Refusal } from './logRefusals.js'

/** The flags of `civitas serve verifier`. */
export interface ServeVerifierFlags extends ListenFlags, EthrFlags {
  type: string
  format: 'vc+jwt' | 'jwt_vc_json'
  trust: string[]
  trustAny?: boolean
  allowHttpStatus?: boolean
  once?: boolean
}

/**
 * Runs a sign-in relying party: one sign-in after another (or one with `--once`), each shown as a
 * QR code, until SIGINT or SIGTERM. True when the last sign-in succeeded (or none ended).
 */
export async function serveVerifier(context: CliContext, flags: ServeVerifierFlags): Promise<boolean> {
  const port = portOf(flags)
  const trust = trustPolicy(flags)
  const resolver = cliResolver(flags)
  let relyingParty: SignInRelyingParty<Report> | undefined
  // The wallet's answer refused: the sign-in it was for ends as failed, with the reason.
  const refused: Refusal[] = []
  const server = await context.progress('Starting the verifier…', () =>
    startLoopbackServer(
      logRefusals(
        context,
        async (request) => relyingParty?.handler(request) ?? new Response(null, { status: 503 }),
        (refusal) => {
          if (refusal.method === 'POST') refused.push(refusal)
        },
      ),
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
      ...statusFetch(flags),
    }),
  })
  const stopped = untilStopped()
  let ok = true
  try {
    while (true) {
      refused.length = 0
      const outcome = await signInOnce(context, relyingParty, flags, server.origin, stopped.done, refused)
      if (outcome === 'stopped') break
      ok = outcome === 'complete'
      if (flags.once === true) break
    }
  } finally {
    stopped.stop()
    await server.close()
  }
  return ok
}

/** Starts one sign-in, shows its QR code and waits for it to end. */
async function signInOnce(
  context: CliContext,
  relyingParty: SignInRelyingParty<Report>,
  flags: ServeVerifierFlags,
  origin: string,
  stopped: Promise<void>,
  refused: readonly Refusal[],
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
    context.line(`  civitas wallet present --request '${qr}' --allow-loopback-http --holder <your DID> --yes`)
    context.line(context.color.dim('  waiting for a wallet… (Ctrl-C stops)'))
  }
  let stop = false
  void stopped.then(() => {
    stop = true
  })
  const wait = () => new Promise((resolve) => setTimeout(resolve, 250))
  // No spinner here: the wait is open-ended, and Ctrl-C must reach the server's own shutdown.
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
    const refusal = refused[0]
    if (refusal !== undefined) {
      if (context.json) context.emit({ event: 'failed', code: refusal.code, reason: refusal.reason })
      else context.line(`${context.color.red('✗')} sign-in failed: ${refusal.code} — ${refusal.reason}`)
      return 'failed'
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
}
