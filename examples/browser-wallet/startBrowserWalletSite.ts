import { startLoopbackServer } from '@civitas/cli/demo'
import type { Identity, Resolvable } from '@civitas/did'
import { createSignInRelyingParty, type DcqlQuery } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { build } from 'esbuild'
import { WALLET_HTML } from './walletHtml.js'

const RESIDENCY_QUERY: DcqlQuery = {
  credentials: [{ id: 'residency', format: 'vc+jwt', meta: { type_values: [['ResidencyCard']] } }],
}

/** Options for {@link startBrowserWalletSite}. */
export interface BrowserWalletSiteOptions {
  resolver: Resolvable
  /** The city whose residency cards the services trust. */
  cityDid: string
  /** The names of the services that offer "sign in with your wallet" on this site. */
  services: readonly string[]
  /** Each service's identity (its requests are signed with a DID), by name. */
  identities: Record<string, Identity>
}

/**
 * One loopback origin for the browser wallet and the services it signs in to (so the page reaches
 * them without cross-origin rules): `GET /` is the wallet, `/wallet.js` its bundle (esbuild, built at
 * start), `POST /<service>/start` starts a sign-in and returns its request text, and `/<service>/*`
 * is that service's OpenID4VP relying party.
 */
export async function startBrowserWalletSite(options: BrowserWalletSiteOptions) {
  const bundle = await build({
    entryPoints: [new URL('./walletPage.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['civitas-source'],
    write: false,
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]?.text ?? ''
  const services = new Map<string, ReturnType<typeof createSignInRelyingParty>>()
  const server = await startLoopbackServer(async (request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === '/') {
      return new Response(WALLET_HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } })
    }
    if (request.method === 'GET' && pathname === '/wallet.js') {
      return new Response(script, { headers: { 'content-type': 'text/javascript' } })
    }
    const [, name = '', action] = pathname.split('/')
    const service = services.get(name)
    if (service === undefined) return new Response('not found', { status: 404 })
    if (request.method === 'POST' && action === 'start') {
      const { id, qr } = await service.start({ query: RESIDENCY_QUERY })
      return Response.json({ id, qr, clientId: service.clientId })
    }
    if (request.method === 'GET' && action === 'status') {
      return Response.json(await service.status(new URL(request.url).searchParams.get('id') ?? ''))
    }
    return service.handler(request)
  })
  for (const name of options.services) {
    const identity = options.identities[name]
    services.set(
      name,
      createSignInRelyingParty({
        baseUrl: `${server.origin}/${name}`,
        resolver: options.resolver,
        ...(identity === undefined ? {} : { identity }),
        verifier: createVerifier({
          resolver: options.resolver,
          trust: { ResidencyCard: [options.cityDid] },
          holderBinding: 'required',
        }),
      }),
    )
  }
  return { origin: server.origin, services, bundleBytes: script.length, close: () => server.close() }
}
