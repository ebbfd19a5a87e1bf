import { CivitasError } from '@civitas/core'
import { credentialFormatNamed } from '../formats/credentialFormatNamed.js'
import { credentialFormats } from '../formats/credentialFormats.js'
import type { CredentialFormatModule } from '../formats/types.js'

/**
 * Checks what issuing and presenting take from callers (who may be remote, through an agent): a known
 * format, and a validity that is a positive number of milliseconds.
 *
 * @returns the named format's entry.
 * @throws `ERR_INVALID_ARGUMENT`.
 */
export function checkSigningOptions(format: unknown, validFor: unknown): CredentialFormatModule {
  const module = credentialFormatNamed(format)
  if (module === undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `format: expected one of ${credentialFormats.map((entry) => entry.format).join(', ')}, got ${typeof format === 'string' ? format.slice(0, 32) : typeof format}`,
    )
  }
  if (
    validFor !== undefined &&
    (typeof validFor !== 'number' || !Number.isFinite(validFor) || validFor <= 0)
  ) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'validFor: expected a positive number of milliseconds')
  }
  return module
}
