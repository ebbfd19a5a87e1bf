import type { CredentialFilter, CredentialRecord } from '../types.js'

/** Whether a record matches every member of the filter. */
export function matchesFilter(record: CredentialRecord, filter: CredentialFilter = {}): boolean {
  if (filter.type !== undefined && !record.types.includes(filter.type)) return false
  if (filter.issuer !== undefined && record.issuer !== filter.issuer) return false
  if (filter.validAt !== undefined) {
    if (record.validFrom !== undefined && record.validFrom > filter.validAt) return false
    if (record.validUntil !== undefined && record.validUntil <= filter.validAt) return false
  }
  return true
}
