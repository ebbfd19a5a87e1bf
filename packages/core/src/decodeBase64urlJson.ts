import { decodeUtf8 } from './decodeUtf8.js'
import {
  assertCanonicalBase64url,
  decodeCanonicalBase64url,
  decodeCanonicalBase64urlToBinary,
} from './internal/canonicalBase64url.js'
import { JsonParser } from './internal/JsonParser.js'
import { parseJsonQuickly } from './internal/parseJsonQuickly.js'
import { DEFAULT_JSON_MAX_DEPTH, type ParseJsonOptions } from './parseJson.js'
import type { JsonValue } from './types.js'

const NON_ASCII_BYTE = /[\u0080-\u00ff]/

/**
 * Decodes base64url-encoded UTF-8 JSON, as in JWS headers and payloads and SD-JWT disclosures,
 * with the strictness of {@link decodeBase64url}, {@link decodeUtf8} and {@link parseJson}.
 * `maxLength` applies to the encoded text.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-2 (Base64url Encoding)
 * @throws `ERR_BASE64URL_INVALID`, `ERR_UTF8_INVALID`, `ERR_INPUT_TOO_LARGE` and every `ERR_JSON_*`
 *   code of {@link parseJson}.
 * @example
 * ```ts
 * import { decodeBase64urlJson } from '@civitas/core'
 *
 * decodeBase64urlJson('eyJhbGciOiJFZERTQSJ9', { name: 'JWS header' }) // { alg: 'EdDSA' }
 * ```
 */
export function decodeBase64urlJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  const name = options.name ?? 'base64url JSON'
  const checked = assertCanonicalBase64url(text, name, options.maxLength)
  const binary = decodeCanonicalBase64urlToBinary(checked)
  // ASCII bytes are their own UTF-8 decoding: the common case skips a copy and a decoder pass.
  const json = !NON_ASCII_BYTE.test(binary) ? binary : decodeUtf8(decodeCanonicalBase64url(checked), { name })
  // The length limit applied to the encoded text; the rest is parseJson's, without its options object.
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH
  return parseJsonQuickly(json, maxDepth) ?? new JsonParser(json, name, maxDepth).parseDocument()
}
