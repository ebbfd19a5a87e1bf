import { CivitasError } from './errors.js'

/** The furthest a date can lie from 1970 in either direction, in seconds (ECMAScript's 8.64e15 ms). */
const MAX_NUMERIC_DATE_SECONDS = 8.64e12

/**
 * Converts a JWT NumericDate (seconds, RFC 7519 §2) to milliseconds, refusing a time no date can
 * hold: a token that says `iat: 1e300` or `nbf: 2 ** 53 + 1` is refused by its time, before any
 * code tries to format it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2
 * @throws `ERR_TOKEN_TIME_OUT_OF_RANGE` beyond ±8.64e12 seconds; the caller checks the type first.
 * @example
 * ```ts
 * import { readNumericDate } from '@civitas/core'
 *
 * readNumericDate(1_767_225_600, 'iat') // 1_767_225_600_000
 * ```
 */
export function readNumericDate(seconds: number, claim: string): number {
  if (!(Math.abs(seconds) <= MAX_NUMERIC_DATE_SECONDS)) {
    throw new CivitasError('ERR_TOKEN_TIME_OUT_OF_RANGE', `${claim.slice(0, 32)} lies beyond any date`, {
      details: { claim: claim.slice(0, 32) },
    })
  }
  return seconds * 1000
}
