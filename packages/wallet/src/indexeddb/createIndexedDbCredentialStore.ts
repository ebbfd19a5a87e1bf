import { CivitasError } from '@civitas/core'
import { openIndexedDb, runIndexedDbTransaction } from '@civitas/crypto/webcrypto'
import { matchesFilter } from '../internal/matchesFilter.js'
import type { CredentialRecord, CredentialStore } from '../types.js'
import { parseStoredCredential } from './internal/parseStoredCredential.js'

/** Options for {@link createIndexedDbCredentialStore}. */
export interface CreateIndexedDbCredentialStoreOptions {
  /** The IndexedDB database that holds the records (default `'civitas-credentials'`). */
  databaseName?: string
  /** The IndexedDB factory (default: `globalThis.indexedDB`). */
  indexedDB?: IDBFactory
}

/** A {@link CredentialStore} in a browser; `close()` releases its database connection. */
export interface IndexedDbCredentialStore extends CredentialStore {
  /** Closes the IndexedDB connection; the records stay in the database. */
  close(): void
}

const STORE = 'credentials'

/**
 * Creates a credential store on IndexedDB for a wallet in a browser: records survive reloads and
 * restarts, keep the order they were first stored in, and every write is one transaction, so a
 * refused write (a full quota) leaves every existing record as it was.
 *
 * @see https://www.w3.org/TR/IndexedDB/
 * @throws `ERR_CREDENTIAL_STORE` with `details.reason`: `'unavailable'` without IndexedDB (some
 *   private modes); from the store's methods `'quota'` when the browser's storage is full (nothing
 *   changed), `'corrupted'` for a stored record that fails to parse, `'closed'` or `'io'` otherwise.
 * @example
 * ```ts
 * import { createWallet } from '@civitas/wallet'
 * import { createIndexedDbCredentialStore } from '@civitas/wallet/indexeddb'
 *
 * const credentialStore = await createIndexedDbCredentialStore({ databaseName: 'my-wallet' })
 * await credentialStore.list({ type: 'ResidencyCard' })
 * ```
 */
export async function createIndexedDbCredentialStore(
  options: CreateIndexedDbCredentialStoreOptions = {},
): Promise<IndexedDbCredentialStore> {
  const db = await openIndexedDb({
    name: options.databaseName ?? 'civitas-credentials',
    storeName: STORE,
    code: 'ERR_CREDENTIAL_STORE',
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
  })
  const transact = <T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore, finish: (result: T) => void) => void,
  ) => runIndexedDbTransaction<T>({ db, storeName: STORE, mode, body, code: 'ERR_CREDENTIAL_STORE' })

  return {
    async put(record) {
      const stored = copyOf(record)
      await transact<true>('readwrite', (store, finish) => {
        const lookup = store.index('id').getKey(stored.id)
        lookup.onsuccess = () => {
          // Replacing keeps the record's place in the order it was first stored in.
          const write = lookup.result === undefined ? store.add(stored) : store.put(stored, lookup.result)
          write.onsuccess = () => finish(true)
        }
      })
    },
    async get(id) {
      const value = await transact<unknown>('readonly', (store, finish) => {
        const request = store.index('id').get(id)
        request.onsuccess = () => finish(request.result)
      })
      return value === undefined ? undefined : parseStoredCredential(value)
    },
    async list(filter) {
      const values = await transact<unknown[]>('readonly', (store, finish) => {
        const request = store.getAll()
        request.onsuccess = () => finish(request.result)
      })
      return values.map(parseStoredCredential).filter((record) => matchesFilter(record, filter))
    },
    async delete(id) {
      return transact<boolean>('readwrite', (store, finish) => {
        const lookup = store.index('id').getKey(id)
        lookup.onsuccess = () => {
          if (lookup.result === undefined) return finish(false)
          store.delete(lookup.result).onsuccess = () => finish(true)
        }
      })
    },
    close() {
      db.close()
    },
  }
}

/** A plain copy of a record (IndexedDB clones it anyway; a copy keeps undefined members out). */
function copyOf(record: CredentialRecord): CredentialRecord {
  if (typeof record?.id !== 'string' || typeof record.token !== 'string') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'credential record: expected an object with string id and token',
    )
  }
  const copy: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(record)) if (value !== undefined) copy[name] = value
  return { ...(copy as unknown as CredentialRecord), types: [...record.types] }
}
