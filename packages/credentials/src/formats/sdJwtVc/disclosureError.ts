import { CivitasError } from '@civitas/core'

/** Throws `ERR_DISCLOSURE_INVALID` with a machine-readable `reason`. */
export function disclosureError(reason: string, message: string): never {
  throw new CivitasError('ERR_DISCLOSURE_INVALID', message, { details: { reason } })
}
