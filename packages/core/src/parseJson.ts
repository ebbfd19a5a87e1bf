import { CivitasError } from './errors.js'
import { JsonParser } from './internal/JsonParser.js'
import { parseJsonQuickly } from './internal/parseJsonQuickly.js'
import type { JsonValue } from './types.js'

/** Options for {@link parseJson}. */
export interface ParseJsonOptions {
  /** Names the input in error messages, e.g. `'JWS header'`. */
  name?: string
  /** Largest input accepted, in UTF-16 code units (default 1,048,576). */
  maxLength?: number
  /** Deepest nesting of arrays and objects accepted (default 32). */
  maxDepth?: number
}

/**
 * Default cap on JSON text length for {@link parseJson}: 1 MiB of characters.
 *
 * @example
 * ```ts
 * import { DEFAULT_JSON_MAX_LENGTH, parseJson } from '@civitas/core'
 *
 * // Allow a larger document than the default, once, where it is expected.
 * const text = JSON.stringify({ entries: [] })
 * parseJson(text, { maxLength: 4 * DEFAULT_JSON_MAX_LENGTH })
 * ```
 */
export const DEFAULT_JSON_MAX_LENGTH = 1_048_576
/**
 * Default cap on JSON nesting depth for {@link parseJson}: 32 levels of arrays and objects.
 *
 * @example
 * ```ts
 * import { DEFAULT_JSON_MAX_DEPTH, parseJson } from '@civitas/core'
 *
 * const deep = `${'['.repeat(DEFAULT_JSON_MAX_DEPTH + 1)}${']'.repeat(DEFAULT_JSON_MAX_DEPTH + 1)}`
 * parseJson(deep) // throws ERR_JSON_TOO_DEEP
 * ```
 */
export const DEFAULT_JSON_MAX_DEPTH = 32

/**
 * Parses JSON strictly (RFC 8259 with the I-JSON restrictions of RFC 7493): refuses
 * duplicate member names, the member names `__proto__`, `constructor` and `prototype`,
 * lone surrogates, a byte-order mark, excessive nesting and excessive size. Parsers
 * disagree on which duplicate wins, so a signature could cover one value while the
 * application reads another; refusing them closes that gap.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8259 and https://www.rfc-editor.org/rfc/rfc7493#section-2 (I-JSON)
 * @throws `ERR_JSON_INVALID` for malformed JSON; `ERR_JSON_DUPLICATE_KEY`;
 *   `ERR_JSON_FORBIDDEN_KEY`; `ERR_JSON_TOO_DEEP`; `ERR_INPUT_TOO_LARGE`.
 * @example
 * ```ts
 * import { parseJson } from '@civitas/core'
 *
 * parseJson('{"alg":"EdDSA"}') // { alg: 'EdDSA' }
 * parseJson('{"a":1,"a":2}')   // throws ERR_JSON_DUPLICATE_KEY
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  const name = options.name ?? 'JSON'
  if (typeof text !== 'string') {
    throw new CivitasError('ERR_JSON_INVALID', `${name}: expected a string, got ${typeof text}`)
  }
  const maxLength = options.maxLength ?? DEFAULT_JSON_MAX_LENGTH
  if (text.length > maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${name}: ${text.length} characters exceed the limit of ${maxLength}`,
      {
        details: { limit: maxLength, received: text.length },
      },
    )
  }
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH
  return parseJsonQuickly(text, maxDepth) ?? new JsonParser(text, name, maxDepth).parseDocument()
}
