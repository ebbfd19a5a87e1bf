import { assertString } from './assertString.js'

const encoder = new TextEncoder()

/**
 * Encodes a string as UTF-8 bytes.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3629
 * @throws `ERR_INVALID_ARGUMENT` when `text` is not a string.
 * @example
 * ```ts
 * import { encodeUtf8 } from '@civitas/core'
 *
 * encodeUtf8('Jeju') // Uint8Array [74, 101, 106, 117]
 * ```
 */
export function encodeUtf8(text: string): Uint8Array {
  assertString(text, { name: 'text' })
  return encoder.encode(text)
}
