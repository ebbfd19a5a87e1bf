import { CivitasError } from '../errors.js'
import { BASE64URL_VALUES } from './base64urlAlphabet.js'

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/

/**
 * Refuses anything but canonical, unpadded base64url (RFC 4648 §5): foreign characters,
 * impossible lengths and non-zero trailing bits, so each byte string has one encoding.
 */
export function assertCanonicalBase64url(text: unknown, name: string, maxLength?: number): string {
  if (typeof text !== 'string') {
    throw new CivitasError('ERR_BASE64URL_INVALID', `${name}: expected a string, got ${typeof text}`)
  }
  if (maxLength !== undefined && text.length > maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${name}: ${text.length} characters exceed the limit of ${maxLength}`,
      { details: { length: text.length, limit: maxLength } },
    )
  }
  const remainder = text.length % 4
  if (remainder === 1) {
    throw new CivitasError(
      'ERR_BASE64URL_INVALID',
      `${name}: length ${text.length} is impossible for base64url`,
    )
  }
  if (!BASE64URL_TEXT.test(text)) refuseForeignCharacter(text, name)
  if (remainder > 0 && (valueAt(text, text.length - 1) & (remainder === 2 ? 0x0f : 0x03)) !== 0) {
    throw new CivitasError(
      'ERR_BASE64URL_INVALID',
      `${name}: non-zero trailing bits (non-canonical encoding)`,
    )
  }
  return text
}

/** Decodes text already checked by {@link assertCanonicalBase64url}. */
export function decodeCanonicalBase64url(text: string): Uint8Array {
  const length = text.length
  const out = new Uint8Array((length * 3) >> 2)
  let written = 0
  let index = 0
  for (; index + 4 <= length; index += 4) {
    const group =
      (valueAt(text, index) << 18) |
      (valueAt(text, index + 1) << 12) |
      (valueAt(text, index + 2) << 6) |
      valueAt(text, index + 3)
    out[written++] = group >> 16
    out[written++] = (group >> 8) & 0xff
    out[written++] = group & 0xff
  }
  if (index < length) {
    const group =
      (valueAt(text, index) << 18) |
      (valueAt(text, index + 1) << 12) |
      (index + 2 < length ? valueAt(text, index + 2) << 6 : 0)
    out[written++] = group >> 16
    if (index + 2 < length) out[written++] = (group >> 8) & 0xff
  }
  return out
}

/** Decodes checked text to a binary string (one character per byte), using the platform's `atob`. */
export function decodeCanonicalBase64urlToBinary(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'))
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code < 128 ? (BASE64URL_VALUES[code] as number) : -1
}

function refuseForeignCharacter(text: string, name: string): never {
  let position = 0
  while (valueAt(text, position) >= 0) position++
  throw new CivitasError(
    'ERR_BASE64URL_INVALID',
    `${name}: character ${JSON.stringify(text[position])} at ${position} is not base64url`,
    { details: { position } },
  )
}
