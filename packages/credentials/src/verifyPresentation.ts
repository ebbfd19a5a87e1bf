import { formatToVerify } from './formats/formatToVerify.js'
import { readCredentialToken } from './formats/readCredentialToken.js'
import { PRESENTATION_MAX_LENGTH } from './internal/tokenLimits.js'
import type { VerifiedPresentation, VerifyPresentationOptions } from './types.js'

/**
 * The longest presentation token {@link verifyPresentation} reads unless told otherwise: 1 MiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_PRESENTATION_MAX_LENGTH, verifyPresentation } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * // A relying party that expects one small credential accepts much less than the default.
 * await verifyPresentation(token, {
 *   resolver: createResolver(),
 *   audience: 'https://hotel.example',
 *   nonce: 'n-0S6_WzA2Mj',
 *   maxLength: Math.min(65_536, DEFAULT_PRESENTATION_MAX_LENGTH),
 * })
 * ```
 */
export const DEFAULT_PRESENTATION_MAX_LENGTH = PRESENTATION_MAX_LENGTH

/**
 * Verifies a presentation and every credential in it: the holder's key under `authentication`,
 * the signature, `iat` freshness, `aud` and `nonce`, each embedded credential in full (signature,
 * issuer key, validity, schema), and holder binding — each credential's subject must be the
 * presenter unless `allowBearer` is set.
 *
 * Proof of possession is never optional here: a credential given on its own fails with
 * `ERR_PRESENTATION_REQUIRED`, and an SD-JWT without its key-binding JWT with `ERR_KEY_BINDING_MISSING`.
 *
 * An SD-JWT VC presentation (SD-JWT+KB) is checked as its credential (issuer key, signature,
 * every disclosure, validity), then its **keyBinding** (`typ: kb+jwt`, signed by the `cnf` key,
 * `sd_hash` over exactly what was presented), freshness, audience and nonce. A key-binding JWT is
 * required. The credential holds only the claims disclosed; `holder` is its `sub`, or the holder
 * key's RFC 9278 thumbprint URI when it has none.
 *
 * @see https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations
 * @see https://www.w3.org/TR/vc-jose-cose/#securing-with-jose
 * @see https://www.rfc-editor.org/rfc/rfc9901#section-4.3 (SD-JWT key binding)
 * @throws a CivitasError whose `details.check` names the failed check (and `details.credentialIndex`
 *   the credential): the codes of {@link verifyCredential}, plus `ERR_PRESENTATION_INVALID`,
 *   `ERR_PRESENTATION_REQUIRED`,
 *   `ERR_HOLDER_MISMATCH`, `ERR_PRESENTATION_STALE`, `ERR_AUDIENCE_MISMATCH`, `ERR_AUDIENCE_REQUIRED`, `ERR_NONCE_MISMATCH`;
 *   for SD-JWT also `ERR_DISCLOSURE_INVALID`, `ERR_KEY_BINDING_MISSING`, `ERR_KEY_BINDING_INVALID`.
 * @example
 * ```ts
 * import { verifyPresentation } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * const { holder, credentials } = await verifyPresentation(token, {
 *   resolver: createResolver(), audience: 'https://hotel.example', nonce: 'n-0S6_WzA2Mj',
 * })
 * ```
 */
export async function verifyPresentation(
  token: string,
  options: VerifyPresentationOptions,
): Promise<VerifiedPresentation> {
  const read = readCredentialToken(token)
  return formatToVerify(read, options.format).verifyPresentation(read, options)
}
