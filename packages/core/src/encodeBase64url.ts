import { assertBytes } from './assertBytes.js'
import { BASE64URL_ALPHABET } from './internal/base64urlAlphabet.js'

/**
 * Encodes bytes as unpadded base64url (RFC 4648 §5), the encoding of every JOSE part.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5 (base64url, no padding, as RFC 7515 §2 uses it)
 * @throws `ERR_INVALID_ARGUMENT` when `bytes` is not a `Uint8Array`.
 * @example
 * ```ts
 * import { encodeBase64url } from '@civitas/core'
 *
 * encodeBase64url(new Uint8Array([251, 255])) // '-_8'
 * ```
 */
export function encodeBase64url(bytes: Uint8Array): string {
  assertBytes(bytes, { name: 'bytes' })
  let out = ''
  const full = bytes.length - (bytes.length % 3)
  for (let i = 0; i < full; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out +=
      BASE64URL_ALPHABET.charAt(n >>> 18) +
      BASE64URL_ALPHABET.charAt((n >>> 12) & 63) +
      BASE64URL_ALPHABET.charAt((n >>> 6) & 63) +
      BASE64URL_ALPHABET.charAt(n & 63)
  }
  const rest = bytes.length - full
  if (rest === 1) {
    const n = (bytes[full] as number) << 16
    out += BASE64URL_ALPHABET.charAt(n >>> 18) + BASE64URL_ALPHABET.charAt((n >>> 12) & 63)
  } else if (rest === 2) {
    const n = ((bytes[full] as number) << 16) | ((bytes[full + 1] as number) << 8)
    out +=
      BASE64URL_ALPHABET.charAt(n >>> 18) +
      BASE64URL_ALPHABET.charAt((n >>> 12) & 63) +
      BASE64URL_ALPHABET.charAt((n >>> 6) & 63)
  }
  return out
}
