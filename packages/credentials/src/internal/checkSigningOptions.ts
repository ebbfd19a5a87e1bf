import { CivitasError } from '@civitas/core'
import type { CredentialFormat } from '../types.js'

const FORMATS: readonly string[] = ['vc+jwt', 'jwt_vc_json', 'dc+sd-jwt'] satisfies CredentialFormat[]

/**
 * Checks what issuing and presenting take from callers (who may be remote, through an agent): a known
 * format, and a validity that is a positive number of milliseconds.
 *
 * @throws `ERR_INVALID_ARGUMENT`.
 */
export function checkSigningOptions(format: unknown, validFor: unknown): void {
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `format: expected one of ${FORMATS.join(', ')}, got ${typeof format === 'string' ? format.slice(0, 32) : typeof format}`,
    )
  }
  if (
    validFor !== undefined &&
    (typeof validFor !== 'number' || !Number.isFinite(validFor) || validFor <= 0)
  ) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'validFor: expected a positive number of milliseconds')
  }
}
