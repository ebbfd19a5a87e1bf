import { CivitasError } from '@civitas/core'
import type { CredentialRecord } from '../../types.js'

const OPTIONAL_NUMBERS = ['validFrom', 'validUntil'] as const

/**
 * Checks a credential record read back from IndexedDB, so a record damaged or written by other
 * script is refused by name instead of reaching a query half-formed.
 *
 * @throws `ERR_CREDENTIAL_STORE` (`details.reason: 'corrupted'`) for anything but a complete record.
 */
export function parseStoredCredential(value: unknown): CredentialRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const wellFormed =
    typeof record.id === 'string' &&
    typeof record.token === 'string' &&
    typeof record.format === 'string' &&
    Array.isArray(record.types) &&
    record.types.every((type) => typeof type === 'string') &&
    typeof record.issuer === 'string' &&
    (record.subject === undefined || typeof record.subject === 'string') &&
    OPTIONAL_NUMBERS.every((name) => record[name] === undefined || Number.isFinite(record[name])) &&
    Number.isFinite(record.receivedAt)
  if (!wellFormed) {
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'a stored credential record is malformed', {
      details: { reason: 'corrupted', id: typeof record.id === 'string' ? record.id.slice(0, 128) : null },
    })
  }
  return Object.freeze({
    ...(record as unknown as CredentialRecord),
    types: Object.freeze([...(record.types as string[])]),
  })
}
