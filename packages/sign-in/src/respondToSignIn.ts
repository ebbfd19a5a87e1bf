import { CivitasError, type Clock, readResponseText, systemClock } from '@civitas/core'
import { createPresentation } from '@civitas/credentials'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { type FetchLike, fetchOnce } from './internal/fetchOnce.js'
import type { SignInRequest } from './readSignInRequest.js'

/** Options for {@link respondToSignIn}. */
export interface RespondToSignInOptions {
  /** The request, as {@link readSignInRequest} checked it. */
  request: SignInRequest
  /** The person signing in: the ID token's subject and every presentation's holder. */
  holder: Identity
  /** The credential tokens to present, by DCQL credential query id; every query must be answered. */
  credentials: Readonly<Record<string, readonly string[]>>
  fetch?: FetchLike
  clock?: Clock
}

/** The relying party's answer to the posted response. */
export interface RespondToSignInResult {
  status: number
  body: string
}

/**
 * Answers a sign-in request: one presentation per credential query (bound to the full client id and
 * the nonce), a SIOPv2 ID token (`iss` = `sub` = the holder's DID) when the relying party asks for
 * one, posted with the state to the `response_uri` as `direct_post`, following no redirect.
 *
 * @see https://openid.net/specs/openid-4-verifiable-presentations-1_0.html (response mode `direct_post`)
 * @throws `ERR_INVALID_ARGUMENT` when a query is left unanswered; `ERR_FETCH_FAILED` when the post
 *   fails; `ERR_REQUEST_INVALID` with the relying party's reason when it refuses the response.
 * @example
 * ```ts
 * import type { Identity } from '@civitas/did'
 * import { createResolver } from '@civitas/did'
 * import { readSignInRequest, respondToSignIn } from '@civitas/sign-in'
 *
 * declare const scanned: string
 * declare const citizen: Identity
 * declare const residencyCard: string
 * const request = await readSignInRequest(scanned, { resolver: createResolver() })
 * await respondToSignIn({ request, holder: citizen, credentials: { residency: [residencyCard] } })
 * ```
 */
export async function respondToSignIn(options: RespondToSignInOptions): Promise<RespondToSignInResult> {
  const { request, holder, clock = systemClock } = options
  const vpToken: Record<string, string[]> = {}
  for (const query of request.query.credentials) {
    const tokens = options.credentials[query.id]
    if (tokens === undefined || tokens.length === 0) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', `credentials: nothing answers the query "${query.id}"`)
    }
    // SD-JWT VCs disclose exactly the claims the query names; W3C formats present whole credentials.
    const disclose =
      query.format === 'dc+sd-jwt'
        ? (query.claims ?? []).map((claim) => claim.path as (string | number)[])
        : undefined
    const { token } = await createPresentation({
      holder,
      credentials: tokens,
      audience: request.clientId,
      nonce: request.nonce,
      clock,
      ...(query.format === 'dc+sd-jwt' ? { disclose: disclose ?? [] } : { format: query.format }),
    })
    vpToken[query.id] = [token]
  }
  const body = new URLSearchParams({ vp_token: JSON.stringify(vpToken), state: request.state })
  // The ID token goes only to relying parties that asked for one (`response_type=vp_token id_token`).
  if (request.idToken) body.set('id_token', await signIdToken(holder, request, clock()))
  const response = await fetchOnce(request.responseUri, {
    fetch: options.fetch,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
  })
  const text = await readResponseText(response, { maxBytes: 65_536, name: 'sign-in answer' })
  if (!response.ok) {
    const refusal = refusalOf(text)
    throw new CivitasError(
      'ERR_REQUEST_INVALID',
      `the relying party refused the response (HTTP ${response.status})${refusal.description === undefined ? '' : `: ${refusal.description}`}`,
      {
        details:
          refusal.description === undefined
            ? { status: response.status, body: text.slice(0, 500) }
            : {
                status: response.status,
                ...(refusal.code === undefined ? {} : { refusedWith: refusal.code }),
              },
      },
    )
  }
  return { status: response.status, body: text }
}

function signIdToken(holder: Identity, request: SignInRequest, now: number): Promise<string> {
  const issuedAt = Math.floor(now / 1000)
  return signJws({
    header: { typ: 'JWT', kid: holder.kid },
    payload: {
      iss: holder.did,
      sub: holder.did,
      aud: request.clientId,
      nonce: request.nonce,
      iat: issuedAt,
      exp: issuedAt + 300,
    },
    signer: holder.signer,
  })
}

/** The relying party's reason, from an OAuth error body (`error_description`, and Civitas' `code`). */
function refusalOf(body: string): { code?: string; description?: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return {}
  }
  const { code, error_description: description } = (parsed ?? {}) as Record<string, unknown>
  return {
    ...(typeof code === 'string' ? { code: code.slice(0, 60) } : {}),
    ...(typeof description === 'string' ? { description: description.slice(0, 300) } : {}),
  }
}
