import { SD_JWT_MAX_DISCLOSURES, SD_JWT_MAX_LENGTH, splitSdJwt } from './internal/sdJwt/splitSdJwt.js'
import type { DecodedSdJwt, DecodeSdJwtOptions } from './types.js'

/**
 * The longest SD-JWT {@link decodeSdJwt} reads unless told otherwise: 256 KiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_SD_JWT_MAX_LENGTH, decodeSdJwt } from '@civitas/credentials'
 *
 * declare const token: string
 * // A gate scanning QR codes can afford far less than the default.
 * const { disclosures } = decodeSdJwt(token, { maxLength: Math.min(16_384, DEFAULT_SD_JWT_MAX_LENGTH) })
 * ```
 */
export const DEFAULT_SD_JWT_MAX_LENGTH = SD_JWT_MAX_LENGTH
/**
 * The most disclosures one SD-JWT may carry (more is hostile, not useful); past it
 * {@link decodeSdJwt} throws `ERR_DISCLOSURE_INVALID` (`details.reason` `tooMany`).
 *
 * @example
 * ```ts
 * import { MAX_DISCLOSURES } from '@civitas/credentials'
 *
 * // A template that makes more claims disclosable than this cannot be presented.
 * const claimNames: string[] = ['givenName', 'familyName', 'birthDate']
 * if (claimNames.length > MAX_DISCLOSURES) throw new Error('too many disclosable claims')
 * ```
 */
export const MAX_DISCLOSURES = SD_JWT_MAX_DISCLOSURES

/**
 * Splits an SD-JWT (`<issuer JWT>~<disclosure>~…~[<KB-JWT>]`, RFC 9901 §4) and decodes every part
 * strictly. Nothing is verified: see `verifyCredential` and `verifyPresentation`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9901#section-4
 * @throws `ERR_JWS_MALFORMED` when there is no `~`; `ERR_INPUT_TOO_LARGE`;
 *   `ERR_DISCLOSURE_INVALID` for a malformed disclosure, too many, or an `_sd_alg` other than
 *   `sha-256`; the `ERR_JWS_*`, `ERR_BASE64URL_*` and `ERR_JSON_*` codes of strict decoding.
 * @example
 * ```ts
 * import { decodeSdJwt } from '@civitas/credentials'
 *
 * declare const token: string
 * const { jwt, disclosures } = decodeSdJwt(token)
 * console.log(jwt.payload.vct, disclosures.map((disclosure) => disclosure.name))
 * ```
 */
export function decodeSdJwt(token: string, options: DecodeSdJwtOptions = {}): DecodedSdJwt {
  return splitSdJwt(token, options)
}
