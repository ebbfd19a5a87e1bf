import { CivitasError, type CivitasErrorCode } from '@civitas/core'

/** Options for {@link runIndexedDbTransaction}. */
export interface RunIndexedDbTransactionOptions<T> {
  /** An open database, from {@link openIndexedDb}. */
  db: IDBDatabase
  /** The object store to use. */
  storeName: string
  /** `'readonly'` or `'readwrite'`. */
  mode: IDBTransactionMode
  /**
   * Issues the transaction's requests (callback style: a transaction stays active only inside its
   * request callbacks) and calls `finish` with the result once it is known.
   */
  body: (store: IDBObjectStore, finish: (result: T) => void) => void
  /** The code of the errors raised. */
  code: CivitasErrorCode
}

/**
 * Runs one IndexedDB transaction and resolves with its result once it has committed, so a caller
 * never sees a write that could still be rolled back. A failed request aborts the whole
 * transaction: either every write lands or none does.
 *
 * @throws `code` with `details.reason`: `'exists'` for a taken unique `id` (a `ConstraintError`),
 *   `'quota'` when the browser's storage quota is exceeded, `'closed'` when the database was
 *   closed (deleted or upgraded from another tab), `'io'` for any other failure.
 * @example
 * ```ts
 * import { openIndexedDb, runIndexedDbTransaction } from '@civitas/crypto/webcrypto'
 *
 * const db = await openIndexedDb({ name: 'my-wallet', storeName: 'records', code: 'ERR_CREDENTIAL_STORE' })
 * const count = await runIndexedDbTransaction<number>({
 *   db, storeName: 'records', mode: 'readonly', code: 'ERR_CREDENTIAL_STORE',
 *   body: (store, finish) => { const request = store.count(); request.onsuccess = () => finish(request.result) },
 * })
 * ```
 */
export function runIndexedDbTransaction<T>(options: RunIndexedDbTransactionOptions<T>): Promise<T> {
  const { db, storeName, mode, body, code } = options
  return new Promise<T>((resolve, reject) => {
    const fail = (cause: unknown) => reject(transactionError(code, cause))
    let transaction: IDBTransaction
    try {
      transaction = db.transaction(storeName, mode)
    } catch (cause) {
      fail(cause)
      return
    }
    let result: { value: T } | undefined
    transaction.oncomplete = () => {
      if (result === undefined) fail(new Error('the transaction ended without a result'))
      else resolve(result.value)
    }
    transaction.onabort = () => fail(transaction.error)
    try {
      body(transaction.objectStore(storeName), (value) => {
        result = { value }
      })
    } catch (cause) {
      transaction.abort()
      fail(cause)
    }
  })
}

function transactionError(code: CivitasErrorCode, cause: unknown): CivitasError {
  if (cause instanceof CivitasError) return cause
  const name = (cause as { name?: unknown } | null)?.name
  const reason =
    name === 'ConstraintError'
      ? 'exists'
      : name === 'QuotaExceededError'
        ? 'quota'
        : name === 'InvalidStateError'
          ? 'closed'
          : 'io'
  const message =
    reason === 'quota'
      ? 'the browser refused the write: storage quota exceeded (nothing was changed)'
      : `IndexedDB transaction failed (${reason}); nothing was changed`
  return new CivitasError(code, message, { details: { reason }, cause })
}
