import { type JsonObject, readNumericDate } from '@civitas/core'

const JWT_TIMES = [
  ['iat', 'issuedAt'],
  ['nbf', 'notBefore'],
  ['exp', 'expires'],
] as const

/** The JWT times a credential or presentation carries, in milliseconds. */
export interface JwtTimes {
  issuedAt?: number
  notBefore?: number
  expires?: number
}

/**
 * Copies a JWT's `iat`, `nbf` and `exp` (NumericDate, seconds) onto `claims` in milliseconds, each
 * only when present.
 *
 * @throws whatever `invalid` throws for a time that is not a finite number;
 *   `ERR_TOKEN_TIME_OUT_OF_RANGE` for one beyond any date.
 */
export function copyJwtTimes(
  payload: JsonObject,
  claims: JwtTimes,
  invalid: (message: string) => never,
): void {
  for (const [claim, name] of JWT_TIMES) {
    const value = payload[claim]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`${claim} must be a NumericDate`)
    claims[name] = readNumericDate(value, claim)
  }
}
