import { CivitasError } from '@civitas/core'
import { decodeBase45 } from './internal/base45.js'
import { ByteReader } from './internal/bytes.js'
import { DICTIONARY_V1 } from './internal/dictionary.js'
import { inflateCapped } from './internal/inflateCapped.js'
import { MAX_INFLATED_BYTES, MAX_QR_TEXT_LENGTH, MAX_TOKEN_LENGTH, PREFIX_V1 } from './internal/limits.js'
import { unpackToken } from './internal/tokenContainer.js'

const RAW_TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:~[A-Za-z0-9_.-]*)*$/
const CIVITAS_PREFIX = /^CV[0-9A-Z]*:/

/**
 * Decodes QR text made by {@link encodeQr} back into the exact token. A raw token (a compact JWS, or an
 * SD-JWT with its `~` parts) is returned unchanged after a shape check, so a scanner can pass any code's
 * content straight through. Decoding never verifies: pass the token to a verifier.
 *
 * Limits: QR text of at most 8,192 characters, a payload inflating to at most 64 KiB (inflation stops at
 * the cap), tokens nested at most 4 deep, raw tokens of at most 256 KiB.
 *
 * @see RFC 9285 (base45)
 * @throws `ERR_INVALID_ARGUMENT` when `text` is not a string; `ERR_QR_PREFIX` for text that is neither
 *   `CV1:` QR text nor a token (another scheme, another codec version); `ERR_QR_TOO_LARGE` past the text
 *   limits; `ERR_QR_INFLATE_LIMIT` for a payload inflating past 64 KiB; `ERR_QR_INVALID` for malformed
 *   base45, DEFLATE or structure.
 * @example
 * ```ts
 * import { decodeQr } from '@civitas/qr'
 *
 * declare const scanned: string // 'CV1:…' from a camera, or a raw token
 * const token = decodeQr(scanned)
 * ```
 */
export function decodeQr(text: string): string {
  if (typeof text !== 'string') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `QR text: expected a string, got ${typeof text}`)
  }
  if (!text.startsWith(PREFIX_V1)) return rawToken(text)
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw new CivitasError(
      'ERR_QR_TOO_LARGE',
      `QR text: ${text.length} characters exceed the limit of ${MAX_QR_TEXT_LENGTH}`,
      { details: { length: text.length, limit: MAX_QR_TEXT_LENGTH } },
    )
  }
  try {
    const payload = new ByteReader(decodeBase45(text.slice(PREFIX_V1.length)), 'payload')
    const raw = payload.take(payload.varint())
    const structure = inflateCapped(payload.take(payload.remaining), {
      limit: MAX_INFLATED_BYTES,
      dictionary: DICTIONARY_V1,
      limitCode: 'ERR_QR_INFLATE_LIMIT',
      invalidCode: 'ERR_QR_INVALID',
      name: 'QR payload',
    })
    return unpackToken(structure, raw)
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError('ERR_QR_INVALID', 'QR text: malformed payload', { cause })
  }
}

function rawToken(text: string): string {
  if (CIVITAS_PREFIX.test(text)) {
    throw new CivitasError(
      'ERR_QR_PREFIX',
      `QR text: unsupported codec version ${text.slice(0, text.indexOf(':') + 1)}`,
    )
  }
  if (text.length > MAX_TOKEN_LENGTH) {
    throw new CivitasError(
      'ERR_QR_TOO_LARGE',
      `token: ${text.length} characters exceed the limit of ${MAX_TOKEN_LENGTH}`,
      { details: { length: text.length, limit: MAX_TOKEN_LENGTH } },
    )
  }
  if (!RAW_TOKEN.test(text)) {
    throw new CivitasError('ERR_QR_PREFIX', 'QR text: neither Civitas QR text (CV1:) nor a compact token')
  }
  return text
}
