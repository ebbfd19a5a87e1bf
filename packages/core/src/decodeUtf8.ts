import { assertBytes } from './assertBytes.js'
import { CivitasError } from './errors.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes UTF-8 bytes strictly: malformed sequences are refused rather than replaced,
 * and a byte-order mark is kept (so that strict JSON parsing refuses it). `name` labels errors.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3629 and https://encoding.spec.whatwg.org/#utf-8-decode
 * @throws `ERR_UTF8_INVALID` for malformed UTF-8; `ERR_INVALID_ARGUMENT` for non-bytes.
 * @example
 * ```ts
 * import { decodeUtf8 } from '@civitas/core'
 *
 * decodeUtf8(new Uint8Array([74, 101, 106, 117])) // 'Jeju'
 * ```
 */
export function decodeUtf8(bytes: Uint8Array, options: { name?: string } = {}): string {
  assertBytes(bytes, { name: 'bytes' })
  try {
    return decoder.decode(bytes)
  } catch (cause) {
    throw new CivitasError('ERR_UTF8_INVALID', `${options.name ?? 'bytes'}: not valid UTF-8`, { cause })
  }
}
