import { assertCanonicalBase64url, decodeCanonicalBase64url } from './internal/canonicalBase64url.js'

/** Options for {@link decodeBase64url}. */
export interface DecodeBase64urlOptions {
  /** Names the value in error messages, e.g. `'JWS signature'`. */
  name?: string
  /** Refuse encodings longer than this many characters (checked before decoding). */
  maxLength?: number
}

/**
 * Decodes strict, unpadded base64url (RFC 4648 §5, RFC 7515 §2). Refuses padding,
 * characters outside the alphabet, impossible lengths and non-zero trailing bits,
 * so that every byte string has exactly one accepted encoding.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5 (base64url, no padding, as RFC 7515 §2 uses it)
 * @throws `ERR_BASE64URL_INVALID` for any non-canonical or foreign input;
 *   `ERR_INPUT_TOO_LARGE` past `maxLength`.
 * @example
 * ```ts
 * import { decodeBase64url } from '@civitas/core'
 *
 * decodeBase64url('-_8') // Uint8Array [251, 255]
 * ```
 */
export function decodeBase64url(text: string, options: DecodeBase64urlOptions = {}): Uint8Array {
  const name = options.name ?? 'base64url input'
  return decodeCanonicalBase64url(assertCanonicalBase64url(text, name, options.maxLength))
}
