import {
  CivitasError,
  decodeBase64url,
  decodeBase64urlJson,
  describeValue,
  encodeUtf8,
  type JsonObject,
  type JsonValue,
} from '@civitas/core'
import type { DecodedJws } from './types.js'

/**
 * The longest compact JWS {@link decodeJws} reads unless told otherwise: 1 MiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_JWS_MAX_LENGTH, decodeJws } from '@civitas/crypto'
 *
 * // A token from an untrusted channel: accept far less than the default.
 * const token = 'eyJhbGciOiJFZERTQSJ9.eyJoZWxsbyI6IndvcmxkIn0.c2ln'
 * decodeJws(token, { maxLength: Math.min(8_192, DEFAULT_JWS_MAX_LENGTH) })
 * ```
 */
export const DEFAULT_JWS_MAX_LENGTH = 1_048_576

/** Options for {@link decodeJws}. */
export interface DecodeJwsOptions {
  /** Longest token accepted, in characters (default {@link DEFAULT_JWS_MAX_LENGTH}). */
  maxLength?: number
  /** `'json'` (default) parses the payload as a JSON object; `'bytes'` keeps it raw. */
  payload?: 'json' | 'bytes'
}

/**
 * Splits and parses a compact JWS without verifying it: exactly three parts, strict base64url,
 * strict JSON (no duplicate or `__proto__` members) for a header with a string `alg` and an object
 * payload. Headers that change how a JWS is verified are refused: any `crit`, and `b64: false`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1 (compact serialization)
 * @throws `ERR_INPUT_TOO_LARGE` over `maxLength`; `ERR_JWS_MALFORMED` for anything but three parts
 *   or a non-object payload; `ERR_JWS_HEADER_INVALID` for a bad header; `ERR_JWS_CRIT_UNSUPPORTED`
 *   for `crit`; `ERR_BASE64URL_INVALID`, `ERR_UTF8_INVALID` and `ERR_JSON_*` from the strict decoders.
 * @example
 * ```ts
 * import { decodeJws } from '@civitas/crypto'
 *
 * const { header, payload } = decodeJws('eyJhbGciOiJFZERTQSJ9.eyJoZWxsbyI6IndvcmxkIn0.c2ln')
 * ```
 */
export function decodeJws(token: string, options?: DecodeJwsOptions & { payload?: 'json' }): DecodedJws
export function decodeJws(
  token: string,
  options: DecodeJwsOptions & { payload: 'bytes' },
): DecodedJws<Uint8Array>
export function decodeJws(
  token: string,
  options: DecodeJwsOptions = {},
): DecodedJws<JsonObject | Uint8Array> {
  if (typeof token !== 'string') {
    throw new CivitasError('ERR_JWS_MALFORMED', `JWS: expected a string, received ${describeValue(token)}`)
  }
  const maxLength = options.maxLength ?? DEFAULT_JWS_MAX_LENGTH
  if (token.length > maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `JWS: ${token.length} characters exceed the limit of ${maxLength}`,
      {
        details: { length: token.length, maxLength },
      },
    )
  }
  const parts = token.split('.')
  if (parts.length !== 3) {
    throw new CivitasError(
      'ERR_JWS_MALFORMED',
      `JWS: expected 3 dot-separated parts, received ${parts.length}`,
    )
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string]
  const header = decodePart(encodedHeader, 'JWS header')
  if (header === undefined || typeof header.alg !== 'string') {
    throw new CivitasError('ERR_JWS_HEADER_INVALID', 'JWS header: expected a JSON object with a string "alg"')
  }
  if ('crit' in header) {
    throw new CivitasError(
      'ERR_JWS_CRIT_UNSUPPORTED',
      'JWS header: "crit" names extensions Civitas does not process',
    )
  }
  if ('b64' in header && header.b64 !== true) {
    throw new CivitasError('ERR_JWS_HEADER_INVALID', 'JWS header: unencoded payloads (b64) are not supported')
  }
  const payload =
    options.payload === 'bytes'
      ? decodeBase64url(encodedPayload, { name: 'JWS payload' })
      : decodePart(encodedPayload, 'JWS payload')
  if (payload === undefined)
    throw new CivitasError('ERR_JWS_MALFORMED', 'JWS payload: expected a JSON object')
  return {
    header: header as JsonObject & { alg: string },
    payload,
    signature: decodeBase64url(encodedSignature, { name: 'JWS signature' }),
    signingInput: encodeUtf8(token.slice(0, encodedHeader.length + 1 + encodedPayload.length)),
    encodedHeader,
    encodedPayload,
  }
}

function decodePart(encoded: string, name: string): JsonObject | undefined {
  const value: JsonValue = decodeBase64urlJson(encoded, { name })
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
}
