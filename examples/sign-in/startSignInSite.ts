import { startLoopbackServer } from '@civitas/cli/demo'
import type { Identity, Resolvable } from '@civitas/did'
import { renderQr } from '@civitas/qr/render'
import { createSignInRelyingParty, type DcqlQuery } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { SIGN_IN_PAGE } from './page.js'

/** What the portal asks for: a residency card with a status and an address. */
export const RESIDENCY_QUERY: DcqlQuery = {
  credentials: [
    {
      id: 'residency',
      format: 'vc+jwt',
      meta: { type_values: [['ResidencyCard']] },
      claims: [
        { path: ['credentialSubject', 'residencyStatus'] },
        { path: ['credentialSubject', 'address', 'locality'] },
      ],
    },
  ],
}

/**
 * The city portal: `GET /` is the sign-in page, `POST /api/sign-in` starts a sign-in (the QR code
 * as SVG, and its `openid4vp://` text for the same-device link), and `/sign-in/*` is the OpenID4VP
 * relying party, all on a loopback HTTP server.
 */
export async function startSignInSite(options: { resolver: Resolvable; portal: Identity; cityDid: string }) {
  let relyingParty: ReturnType<typeof createSignInRelyingParty> | undefined
  const server = await startLoopbackServer(async (request) => {
    const { pathname } = new URL(request.url)
    if (relyingParty === undefined) return new Response(null, { status: 503 })
    if (request.method === 'GET' && pathname === '/') {
      return new Response(SIGN_IN_PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } })
    }
    if (request.method === 'POST' && pathname === '/api/sign-in') {
      const { id, qr, expiresAt } = await relyingParty.start({ query: RESIDENCY_QUERY })
      const svg = renderQr(qr, { format: 'svg', errorCorrection: 'L' })
      return Response.json({ id, expiresAt, svg, qr })
    }
    return relyingParty.handler(request)
  })
  relyingParty = createSignInRelyingParty({
    baseUrl: `${server.origin}/sign-in`,
    // A wallet on the same device sends the browser back to the page once it has answered.
    redirectUri: `${server.origin}/`,
    resolver: options.resolver,
    identity: options.portal,
    verifier: createVerifier({
      resolver: options.resolver,
      trust: { ResidencyCard: [options.cityDid] },
      holderBinding: 'required',
    }),
  })
  return { origin: server.origin, close: server.close, relyingParty }
}
