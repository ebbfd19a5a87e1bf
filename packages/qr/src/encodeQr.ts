import { CivitasError } from '@civitas/core'
import { deflateSync } from 'fflate'
import { encodeBase45 } from './internal/base45.js'
import { ByteWriter } from './internal/bytes.js'
import { DICTIONARY_V1 } from './internal/dictionary.js'
import { ALPHANUMERIC_CAPACITY, MAX_INFLATED_BYTES, MAX_TOKEN_LENGTH, PREFIX_V1 } from './internal/limits.js'
import { packToken, TOKEN_TEXT } from './internal/tokenContainer.js'
import type { QrErrorCorrection } from './types.js'

/** Options for {@link encodeQr}. */
export interface EncodeQrOptions {
  /** The error-correction level the code will be printed at, which sets its capacity (default `M`). */
  errorCorrection?: QrErrorCorrection
}

/**
 * Encodes a token (compact JWS credential or presentation, SD-JWT with its disclosures and key binding) as
 * compact QR text: `CV1:` then base45 (RFC 9285) of the token's segments, decoded from base64url and packed
 * (nested credentials too), DEFLATE-compressed with a preset dictionary; signatures are stored raw. The text
 * uses only QR's alphanumeric alphabet, so the code needs far fewer modules than the token in byte mode, and
 * {@link decodeQr} rebuilds the token byte for byte, so its signatures still verify.
 *
 * @see RFC 9285 (base45), ISO/IEC 18004 §7.4.4 (alphanumeric mode)
 * @throws `ERR_INVALID_ARGUMENT` when `token` is not a non-empty string of base64url, `.` and `~`;
 *   `ERR_QR_TOO_LARGE` when the QR text exceeds what a version-40 code holds at the error-correction level
 *   (details name the length and the limit), or the token exceeds the codec's size caps.
 * @example
 * ```ts
 * import { decodeQr, encodeQr } from '@civitas/qr'
 *
 * declare const presentation: string
 * const text = encodeQr(presentation) // 'CV1:…', alphanumeric
 * console.log(decodeQr(text) === presentation) // true
 * ```
 */
export function encodeQr(token: string, options: EncodeQrOptions = {}): string {
  const errorCorrection = options.errorCorrection ?? 'M'
  const limit = ALPHANUMERIC_CAPACITY[errorCorrection]
  if (limit === undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `errorCorrection: expected L, M, Q or H, got ${String(errorCorrection)}`,
    )
  }
  if (typeof token !== 'string' || !TOKEN_TEXT.test(token)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'token: expected a compact token (base64url segments joined by "." and "~")',
    )
  }
  if (token.length > MAX_TOKEN_LENGTH)
    throw tooLarge('token', token.length, MAX_TOKEN_LENGTH, errorCorrection)
  const { structure, raw } = packToken(token)
  if (structure.length > MAX_INFLATED_BYTES) {
    throw tooLarge('packed token', structure.length, MAX_INFLATED_BYTES, errorCorrection)
  }
  const payload = new ByteWriter()
  payload.varint(raw.length)
  payload.bytes(raw)
  payload.bytes(deflateSync(structure, { level: 9, dictionary: DICTIONARY_V1 }))
  const text = PREFIX_V1 + encodeBase45(payload.finish())
  if (text.length > limit) throw tooLarge('QR text', text.length, limit, errorCorrection)
  return text
}

function tooLarge(what: string, length: number, limit: number, errorCorrection: QrErrorCorrection) {
  return new CivitasError(
    'ERR_QR_TOO_LARGE',
    `${what}: ${length} exceeds the limit of ${limit}` +
      (what === 'QR text'
        ? ` alphanumeric characters of a version-40 QR code at error correction ${errorCorrection}; present fewer credentials or send it by reference`
        : ''),
    { details: { what, length, limit, errorCorrection } },
  )
}
