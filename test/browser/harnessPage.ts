// The test page: the browser stores behind a small call table that Node drives through
// page.evaluate (test/support/browserHarness.ts). Bundled by esbuild for the browser.
import { type KeyStore, verifySignature, verifySignatureNative } from '@civitas/crypto'
import { createWebCryptoKeyStore } from '@civitas/crypto/webcrypto'
import type { CredentialStore } from '@civitas/wallet'
import { createIndexedDbCredentialStore } from '@civitas/wallet/indexeddb'
import { type BridgeOutcome, decodeBridgeValue, encodeBridgeValue } from '../support/bridgeCodec.js'

const stores = new Map<string, (KeyStore | CredentialStore) & { close(): void }>()

/** Runs a request on one raw IndexedDB object store, outside the Civitas stores. */
async function raw<T>(
  databaseName: string,
  storeName: string,
  use: (store: IDBObjectStore) => IDBRequest<T>,
) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, 'readwrite')
      const request = use(transaction.objectStore(storeName))
      transaction.oncomplete = () => resolve(request.result)
      transaction.onabort = () => reject(transaction.error)
    })
  } finally {
    db.close()
  }
}

const calls: Record<string, (...args: never[]) => unknown> = {
  async openKeyStore(handle: string, options: Parameters<typeof createWebCryptoKeyStore>[0]) {
    const store = await createWebCryptoKeyStore(options)
    stores.set(handle, store)
    return store.algorithms
  },
  async openCredentialStore(handle: string, options: Parameters<typeof createIndexedDbCredentialStore>[0]) {
    stores.set(handle, await createIndexedDbCredentialStore(options))
  },
  async invoke(handle: string, method: string, args: unknown[]) {
    const store = stores.get(handle) as unknown as Record<string, (...args: unknown[]) => unknown> | undefined
    if (store === undefined) throw new Error(`no store ${handle}`)
    return store[method]?.(...args)
  },
  close(handle: string) {
    stores.get(handle)?.close()
    stores.delete(handle)
  },
  deleteDatabase(name: string) {
    return new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error)
    })
  },
  /** Every raw record of a database, as script sees it: for a key, what its CryptoKey admits to. */
  async rawRecords(databaseName: string, storeName: string) {
    const values = await raw<unknown[]>(databaseName, storeName, (store) => store.getAll())
    return values.map((value) => {
      const { privateKey, ...rest } = value as { privateKey?: CryptoKey }
      if (privateKey === undefined) return rest
      const { type, extractable, usages, algorithm } = privateKey
      return { ...rest, privateKey: { type, extractable, usages, algorithm: algorithm.name } }
    })
  },
  /** Tries every way script has to read a stored private key's bytes; returns each one's error name. */
  async exportStoredKey(databaseName: string, id: string) {
    const record = await raw<{ privateKey: CryptoKey }>(
      databaseName,
      'keys',
      (store) => store.index('id').get(id) as IDBRequest<{ privateKey: CryptoKey }>,
    )
    const outcomes: string[] = []
    for (const format of ['jwk', 'pkcs8', 'raw'] as const) {
      try {
        await crypto.subtle.exportKey(format, record.privateKey)
        outcomes.push(`${format}: exported`)
      } catch (error) {
        outcomes.push(`${format}: ${(error as Error).name}`)
      }
    }
    return outcomes
  },
  /** Overwrites one member of a stored record, as damage or other script would. */
  async damageRecord(databaseName: string, storeName: string, id: string, member: string, value: unknown) {
    const primaryKey = await raw<IDBValidKey | undefined>(databaseName, storeName, (store) =>
      store.index('id').getKey(id),
    )
    if (primaryKey === undefined) throw new Error(`no record ${id}`)
    const record = await raw<Record<string, unknown>>(databaseName, storeName, (store) =>
      store.get(primaryKey),
    )
    await raw(databaseName, storeName, (store) => store.put({ ...record, [member]: value }, primaryKey))
  },
  /** The browser's verdicts (WebCrypto, and verifySignature's choice) on signatures made in Node. */
  async verifySignatures(cases: Parameters<typeof verifySignature>[0][]) {
    return Promise.all(
      cases.map(async (input) => [await verifySignatureNative(input), await verifySignature(input)]),
    )
  },
  supportsIndexedDb() {
    return typeof indexedDB !== 'undefined'
  },
  hideIndexedDb() {
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true })
  },
}

async function call(name: string, encodedArgs: unknown): Promise<BridgeOutcome> {
  try {
    const handler = calls[name]
    if (handler === undefined) throw new Error(`no call ${name}`)
    const value = await handler(...(decodeBridgeValue(encodedArgs) as never[]))
    return { ok: true, value: encodeBridgeValue(value) }
  } catch (error) {
    const { name: errorName, code, message, details } = error as Error & { code?: string; details?: unknown }
    return {
      ok: false,
      error: { name: errorName, message, ...(code === undefined ? {} : { code, details }) },
    }
  }
}

;(globalThis as { civitasHarness?: unknown }).civitasHarness = { call }
document.title = 'ready'
