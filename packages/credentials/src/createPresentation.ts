import { CivitasError, type Clock, type JsonObject, systemClock } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import type { CredentialFormat } from './types.js'

/** Options for {@link createPresentation}. */
export interface CreatePresentationOptions {
  /** The holder; its `kid` must be under `authentication` in its DID document. */
  holder: Identity
  /** The credential tokens to present. */
  credentials: readonly string[]
  /** The verifier the presentation is for (`aud`). */
  audience?: string
  /** The verifier's challenge (`nonce`). */
  nonce?: string
  /** The encoding (default `vc+jwt`, which envelopes each credential). */
  format?: CredentialFormat
  /** Time source (default the system clock). */
  clock?: Clock
  /** How long the presentation is valid, in milliseconds (default 5 minutes). */
  validFor?: number
}

/** A signed presentation. */
export interface CreatePresentationResult {
  token: string
  format: CredentialFormat
}

/**
 * Signs a presentation of credentials, bound to a verifier's `audience` and `nonce`: `vp+jwt` (VC
 * 2.0, credentials as `EnvelopedVerifiableCredential` data URLs) or `jwt_vc_json` (a `vp` claim).
 *
 * @throws `ERR_INVALID_ARGUMENT` for a non-array or non-string credential list; the signer's errors.
 * @example
 * ```ts
 * import { createPresentation } from '@civitas/credentials'
 * import type { Identity } from '@civitas/did'
 *
 * declare const citizen: Identity
 * declare const residencyCard: string
 * const { token } = await createPresentation({
 *   holder: citizen, credentials: [residencyCard], audience: 'https://hotel.example', nonce: 'n-0S6_WzA2Mj',
 * })
 * ```
 */
export async function createPresentation(
  options: CreatePresentationOptions,
): Promise<CreatePresentationResult> {
  const { holder, credentials, audience, nonce, format = 'vc+jwt', validFor = 5 * 60_000 } = options
  if (!Array.isArray(credentials) || !credentials.every((token) => typeof token === 'string')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: expected an array of credential tokens')
  }
  const iat = Math.floor((options.clock ?? systemClock)() / 1000)
  const binding: JsonObject = {
    iss: holder.did,
    ...(audience === undefined ? {} : { aud: audience }),
    ...(nonce === undefined ? {} : { nonce }),
    iat,
    exp: iat + Math.ceil(validFor / 1000),
  }
  const payload: JsonObject =
    format === 'vc+jwt'
      ? {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: holder.did,
          verifiableCredential: credentials.map((token) => ({
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            id: `data:application/vc+jwt,${token}`,
            type: 'EnvelopedVerifiableCredential',
          })),
          ...binding,
        }
      : {
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            verifiableCredential: [...credentials],
          },
          ...binding,
        }
  const typ = format === 'vc+jwt' ? 'vp+jwt' : 'JWT'
  return {
    token: await signJws({ header: { typ, kid: holder.kid }, payload, signer: holder.signer }),
    format,
  }
}
