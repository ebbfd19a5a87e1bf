import { CivitasError } from '@civitas/core'
import { credentialFormats, defaultCredentialFormat } from './formats/credentialFormats.js'
import { readCredentialToken } from './formats/readCredentialToken.js'
import type { CredentialFormatModule } from './formats/types.js'
import { checkSigningOptions } from './internal/checkSigningOptions.js'
import type { CreatePresentationOptions, CreatePresentationResult, CredentialFormat } from './types.js'

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
  const { credentials, format = defaultCredentialFormat.format, validFor } = options
  const named = checkSigningOptions(format, validFor)
  if (!Array.isArray(credentials) || !credentials.every((token) => typeof token === 'string')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: expected an array of credential tokens')
  }
  return (presentedAlone(options.format, credentials) ?? named).present(options)
}

/**
 * The format that presents these credentials by itself, named or told by a credential: one whose
 * credentials are bound to a holder key and presented with it alone (SD-JWT+KB).
 */
function presentedAlone(
  format: CredentialFormat | undefined,
  credentials: readonly string[],
): CredentialFormatModule | undefined {
  return credentialFormats.find(
    (module) =>
      module.holderBinding === 'key' &&
      (module.format === format ||
        credentials.some((token) => module.detect(readCredentialToken(token)) !== undefined)),
  )
}
