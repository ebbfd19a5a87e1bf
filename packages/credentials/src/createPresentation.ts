import { CivitasError, type Clock, decodeBase64urlJson, type JsonObject, systemClock } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { checkSigningOptions } from './internal/checkSigningOptions.js'
import { presentSdJwt } from './internal/sdJwt/presentSdJwt.js'
import type { ClaimPath, CredentialFormat } from './types.js'

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
  /**
   * `dc+sd-jwt`: the claims to reveal (`['given_name', 'age_equal_or_over.18']`), or `'all'`.
   * Nothing selectively disclosable is revealed unless named here.
   */
  disclose?: readonly ClaimPath[] | 'all'
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
 * An SD-JWT VC is presented on its own as SD-JWT+KB (`format: 'dc+sd-jwt'`, chosen by itself when
 * the credential is an SD-JWT): only the disclosures the `disclose` paths need, then a key-binding
 * JWT (`typ: kb+jwt`) over `aud`, `nonce`, `iat` and `sd_hash`, signed by the holder's key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9901#section-4.3
 * @throws `ERR_INVALID_ARGUMENT` for a non-array or non-string credential list, for SD-JWT without
 *   exactly one credential, an audience and a nonce, a `disclose` path that names no claim, an
 *   unknown `format` or a `validFor` that is not a positive number, and for a `vp+jwt` a credential
 *   that is not `vc+jwt` (its envelope says `application/vc+jwt`);
 *   the codes of `decodeSdJwt`; the signer's errors.
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
 *
 * declare const residencySdJwt: string
 * const overEighteen = await createPresentation({
 *   holder: citizen, credentials: [residencySdJwt], disclose: ['age_equal_or_over.18'],
 *   audience: 'https://bar.example', nonce: 'n-Kq2m9Tz41b',
 * })
 * ```
 */
export async function createPresentation(
  options: CreatePresentationOptions,
): Promise<CreatePresentationResult> {
  const { holder, credentials, audience, nonce, format = 'vc+jwt', validFor = 5 * 60_000 } = options
  checkSigningOptions(format, validFor)
  if (!Array.isArray(credentials) || !credentials.every((token) => typeof token === 'string')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: expected an array of credential tokens')
  }
  if (options.format === 'dc+sd-jwt' || credentials.some((token) => token.includes('~'))) {
    const [token, ...others] = credentials
    if (token === undefined || others.length > 0) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: an SD-JWT VC is presented alone')
    }
    if (typeof audience !== 'string' || typeof nonce !== 'string') {
      throw new CivitasError('ERR_INVALID_ARGUMENT', 'an SD-JWT presentation needs an audience and a nonce')
    }
    const disclose = options.disclose ?? []
    const clock = options.clock ?? systemClock
    return {
      token: await presentSdJwt({ holder, token, disclose, audience, nonce, clock }),
      format: 'dc+sd-jwt',
    }
  }
  if (format === 'vc+jwt') credentials.forEach(checkEnvelopable)
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

/** A `vp+jwt` labels each credential `application/vc+jwt`, so only a `vc+jwt` may go in. */
function checkEnvelopable(token: string, index: number): void {
  let typ: unknown
  try {
    typ = (decodeBase64urlJson(token.slice(0, Math.max(0, token.indexOf('.')))) as JsonObject).typ
  } catch {
    typ = undefined
  }
  if (typ !== 'vc+jwt') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `credentials[${index}]: a vp+jwt envelopes vc+jwt credentials only; present others with their own format`,
    )
  }
}
