import { CivitasError, type CivitasErrorCode } from '@civitas/core'

/** Options for {@link openIndexedDb}. */
export interface OpenIndexedDbOptions {
  /** The database's name. */
  name: string
  /** The object store that holds the records: out-of-line auto-increment keys (creation order) and a unique `id` index. */
  storeName: string
  /** The IndexedDB factory (default: `globalThis.indexedDB`). */
  indexedDB?: IDBFactory
  /** The code of the errors raised: the key store's or the credential store's. */
  code: CivitasErrorCode
}

/**
 * Opens (creating it on first use) an IndexedDB database with one object store whose records keep
 * their creation order (auto-increment keys) and are found by a unique `id` index, so that adding a
 * taken id fails inside the same transaction and nothing is half-written. Used by the browser key
 * and credential stores.
 *
 * @see https://www.w3.org/TR/IndexedDB/#dom-idbfactory-open
 * @throws `code` with `details.reason` `'unavailable'` when there is no IndexedDB (some private
 *   modes, a worker without it) or the browser refuses to open the database.
 * @example
 * ```ts
 * import { openIndexedDb } from '@civitas/crypto/webcrypto'
 *
 * const db = await openIndexedDb({ name: 'my-wallet', storeName: 'records', code: 'ERR_CREDENTIAL_STORE' })
 * ```
 */
export function openIndexedDb(options: OpenIndexedDbOptions): Promise<IDBDatabase> {
  const { name, storeName, code } = options
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB
  if (factory === undefined || factory === null) {
    return Promise.reject(
      new CivitasError(code, 'IndexedDB is not available in this environment', {
        details: { reason: 'unavailable' },
      }),
    )
  }
  return new Promise((resolve, reject) => {
    const unavailable = (cause: unknown) =>
      reject(
        new CivitasError(code, `IndexedDB refused to open database ${name}`, {
          details: { reason: 'unavailable' },
          cause,
        }),
      )
    let request: IDBOpenDBRequest
    try {
      request = factory.open(name, 1)
    } catch (cause) {
      unavailable(cause)
      return
    }
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(storeName, { autoIncrement: true })
      store.createIndex('id', 'id', { unique: true })
    }
    request.onsuccess = () => {
      const db = request.result
      // Another tab deleting or upgrading the database must not wait on this connection.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    request.onerror = () => unavailable(request.error)
    request.onblocked = () => unavailable(new Error('blocked by another connection'))
  })
}
