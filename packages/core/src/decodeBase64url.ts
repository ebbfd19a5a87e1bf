import { CivitasError } from './errors.js'
import { BASE64URL_VALUES } from './internal/base64urlAlphabet.js'

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/

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
  if (!BASE64URL_TEXT.test(text)) foreign(text, name, 0)
  if (remainder > 0) {
    // The unused low bits of the last character must be zero: one encoding per byte string.
    const last = valueAt(text, text.length - 1)
    if ((last & (remainder === 2 ? 0x0f : 0x03)) !== 0) {
      throw new CivitasError(
        'ERR_BASE64URL_INVALID',
        `${name}: non-zero trailing bits (non-canonical encoding)`,
      )
    }
  }
  // The text is now known canonical, so the platform's decoder can do the work.
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code < 128 ? (BASE64URL_VALUES[code] as number) : -1
}

function foreign(text: string, name: string, from: number): never {
  let position = from
  while (valueAt(text, position) >= 0) position++
  throw new CivitasError(
    'ERR_BASE64URL_INVALID',
    `${name}: character ${JSON.stringify(text[position])} at ${position} is not base64url`,
    { details: { position } },
  )
}
