import { matchesFilter } from './internal/matchesFilter.js'
import type { CredentialRecord, CredentialStore } from './types.js'

/**
 * A credential store in memory, for tests, demos and short-lived verifier-side holders.
 *
 * @example
 * ```ts
 * import { createMemoryCredentialStore } from '@civitas/wallet'
 *
 * const credentialStore = createMemoryCredentialStore()
 * ```
 */
export function createMemoryCredentialStore(): CredentialStore {
  const records = new Map<string, CredentialRecord>()
  return {
    async put(record) {
      records.set(record.id, Object.freeze({ ...record, types: Object.freeze([...record.types]) }))
    },
    async get(id) {
      return records.get(id)
    },
    async list(filter) {
      return [...records.values()].filter((record) => matchesFilter(record, filter))
    },
    async delete(id) {
      return records.delete(id)
    },
  }
}
