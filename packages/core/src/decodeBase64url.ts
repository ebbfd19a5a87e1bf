import { CivitasError } from './errors.js'
import { BASE64URL_VALUES } from './internal/base64urlAlphabet.js'

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
  if (typeof text !== 'string') {
    throw new CivitasError('ERR_BASE64URL_INVALID', `${name}: expected a string, got ${typeof text}`)
  }
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${name}: ${text.length} characters exceed the limit of ${options.maxLength}`,
      {
        details: { length: text.length, limit: options.maxLength },
      },
    )
  }
  const remainder = text.length % 4
  if (remainder === 1) {
    throw new CivitasError(
      'ERR_BASE64URL_INVALID',
      `${name}: length ${text.length} is impossible for base64url`,
    )
  }
  const out = new Uint8Array((text.length * 3) >>> 2)
  let bits = 0
  let buffer = 0
  let written = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (BASE64URL_VALUES[code] as number) : -1
    if (value < 0) {
      throw new CivitasError(
        'ERR_BASE64URL_INVALID',
        `${name}: character ${JSON.stringify(text[i])} at ${i} is not base64url`,
        {
          details: { position: i },
        },
      )
    }
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[written++] = (buffer >>> bits) & 0xff
    }
  }
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) {
    throw new CivitasError(
      'ERR_BASE64URL_INVALID',
      `${name}: non-zero trailing bits (non-canonical encoding)`,
    )
  }
  return out
}
