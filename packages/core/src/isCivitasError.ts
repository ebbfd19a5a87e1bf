import { type AnyCivitasError, CivitasError, type CivitasErrorCode } from './errors.js'

/**
 * Tells whether `value` is a {@link CivitasError}, optionally with one of the given codes.
 *
 * @example
 * ```ts
 * import { isCivitasError } from '@civitas/core'
 *
 * const err: unknown = new Error('boom')
 * if (isCivitasError(err, 'ERR_SIGNATURE_INVALID')) console.log(err.details)
 * ```
 */
export function isCivitasError(value: unknown): value is AnyCivitasError
export function isCivitasError<Code extends CivitasErrorCode>(
  value: unknown,
  ...codes: [Code, ...Code[]]
): value is Extract<AnyCivitasError, { code: Code }>
export function isCivitasError(value: unknown, ...codes: CivitasErrorCode[]): boolean {
  if (!(value instanceof CivitasError)) return false
  return codes.length === 0 || codes.includes(value.code)
}
