import { assertBytes, CivitasError, type SignatureAlgorithm } from '@civitas/core'
import { assertKeyId } from '../assertKeyId.js'
import { assertKeyStoreAlgorithm } from '../assertKeyStoreAlgorithm.js'
import { jwkThumbprint } from '../jwkThumbprint.js'
import type { KeyInfo, KeyStore } from '../types.js'
import { keyInfoOfStored, parseStoredKeyRecord, type StoredKeyRecord } from './internal/keyRecords.js'
import {
  generateWebCryptoKeyPair,
  importWebCryptoPrivateKey,
  signWithCryptoKey,
  supportsEd25519,
  type WebCryptoAlgorithm,
} from './internal/webCryptoKeys.js'
import { openIndexedDb } from './openIndexedDb.js'
import { runIndexedDbTransaction } from './runIndexedDbTransaction.js'

/** Options for {@link createWebCryptoKeyStore}. */
export interface CreateWebCryptoKeyStoreOptions {
  /** The IndexedDB database that holds the keys (default `'civitas-keys'`). */
  databaseName?: string
  /**
   * The algorithms wanted (default: ES256, and EdDSA where this browser's WebCrypto has Ed25519).
   * Naming EdDSA where it has not is `ERR_ALGORITHM_UNSUPPORTED`; ES256K never is available.
   */
  algorithms?: readonly SignatureAlgorithm[]
  /** The IndexedDB factory (default: `globalThis.indexedDB`). */
  indexedDB?: IDBFactory
  /** The WebCrypto implementation (default: `globalThis.crypto.subtle`). */
  subtle?: SubtleCrypto
}

/** A {@link KeyStore} in a browser; `close()` releases its database connection. */
export interface WebCryptoKeyStore extends KeyStore {
  /** Closes the IndexedDB connection; the keys stay in the database. */
  close(): void
}

const STORE = 'keys'

/**
 * Creates a key store whose private keys are WebCrypto `CryptoKey`s made with `extractable: false`
 * and kept in IndexedDB (the structured clone keeps them non-extractable): script can sign with a key
 * but can never read it, and `crypto.subtle.exportKey` on a stored key throws. ES256 works in every
 * browser; EdDSA where its WebCrypto supports Ed25519 (detected). Signatures come from
 * `crypto.subtle.sign`, ECDSA in JOSE R‖S form and low-S. Ids default to the RFC 7638 thumbprint.
 *
 * Each operation reads IndexedDB afresh, so a key deleted in another tab is `ERR_KEY_NOT_FOUND` here
 * at once, and every write is one transaction: a key is stored whole or not at all.
 *
 * @see https://www.w3.org/TR/WebCryptoAPI/#dfn-CryptoKey-slot-extractable
 * @throws `ERR_KEY_STORE_IO` (`details.reason: 'unavailable'`) without IndexedDB or WebCrypto;
 *   `ERR_ALGORITHM_UNSUPPORTED` for algorithms the browser cannot sign with. The store's methods raise
 *   the {@link KeyStore} codes, `ERR_KEY_NOT_EXPORTABLE` from `exportPrivateKey`,
 *   `ERR_KEY_STORE_CORRUPT` for a stored record that fails to parse and `ERR_KEY_STORE_IO` when a
 *   write fails (`details.reason: 'quota'` when storage is full); nothing is half-written.
 * @example
 * ```ts
 * import { createSigner, signJws } from '@civitas/crypto'
 * import { createWebCryptoKeyStore } from '@civitas/crypto/webcrypto'
 *
 * const keyStore = await createWebCryptoKeyStore({ databaseName: 'my-wallet-keys' })
 * const key = await keyStore.createKey({ alg: 'ES256' })
 * const signer = await createSigner({ keyStore, keyId: key.id })
 * const token = await signJws({ payload: { hello: 'world' }, signer })
 * ```
 */
export async function createWebCryptoKeyStore(
  options: CreateWebCryptoKeyStoreOptions = {},
): Promise<WebCryptoKeyStore> {
  const subtle = options.subtle ?? (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (subtle === undefined) {
    throw new CivitasError('ERR_KEY_STORE_IO', 'WebCrypto (crypto.subtle) is not available here', {
      details: { reason: 'unavailable' },
    })
  }
  const algorithms = await availableAlgorithms(subtle, options.algorithms)
  const db = await openIndexedDb({
    name: options.databaseName ?? 'civitas-keys',
    storeName: STORE,
    code: 'ERR_KEY_STORE_IO',
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
  })
  const transact = <T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore, finish: (result: T) => void) => void,
  ) => runIndexedDbTransaction<T>({ db, storeName: STORE, mode, body, code: 'ERR_KEY_STORE_IO' })

  async function read(id: string): Promise<StoredKeyRecord | undefined> {
    assertKeyId(id)
    const value = await transact<unknown>('readonly', (store, finish) => {
      const request = store.index('id').get(id)
      request.onsuccess = () => finish(request.result)
    })
    return value === undefined ? undefined : parseStoredKeyRecord(value, algorithms)
  }

  async function find(id: string): Promise<StoredKeyRecord> {
    const record = await read(id)
    if (record === undefined) {
      throw new CivitasError('ERR_KEY_NOT_FOUND', 'no key with this id in the key store', {
        details: { keyId: id.slice(0, 128) },
      })
    }
    return record
  }

  async function add(record: StoredKeyRecord): Promise<KeyInfo> {
    try {
      await transact<true>('readwrite', (store, finish) => {
        store.add(record).onsuccess = () => finish(true)
      })
    } catch (error) {
      if ((error as CivitasError).details?.reason === 'exists') {
        throw new CivitasError('ERR_KEY_EXISTS', 'the key store already holds a key with this id', {
          details: { keyId: record.id.slice(0, 128) },
        })
      }
      throw error
    }
    return keyInfoOfStored(record)
  }

  return {
    algorithms,
    async createKey(createOptions) {
      assertKeyStoreAlgorithm(createOptions?.alg, algorithms)
      if (createOptions.id !== undefined) assertKeyId(createOptions.id)
      const alg = createOptions.alg as WebCryptoAlgorithm
      const { privateKey, publicJwk } = await generateWebCryptoKeyPair(subtle, alg)
      const id = createOptions.id ?? (await jwkThumbprint(publicJwk))
      return add({ id, alg, publicJwk, privateKey })
    },
    async importKey(importOptions) {
      // Parsing private JWKs (and the curves it needs) loads with the first import.
      const [{ parsePrivateJwk }, { derivePublicKey }] = await Promise.all([
        import('../internal/keyStoreRecords.js'),
        import('../internal/derivePublicKey.js'),
      ])
      const parsed = parsePrivateJwk(importOptions?.privateJwk, derivePublicKey)
      assertKeyStoreAlgorithm(parsed.alg, algorithms)
      if (importOptions.id !== undefined) assertKeyId(importOptions.id)
      const privateKey = await importWebCryptoPrivateKey(subtle, parsed)
      const id = importOptions.id ?? (await jwkThumbprint(parsed.publicJwk))
      return add({ id, alg: parsed.alg as WebCryptoAlgorithm, publicJwk: parsed.publicJwk, privateKey })
    },
    async getKey(id) {
      const record = await read(id)
      return record === undefined ? undefined : keyInfoOfStored(record)
    },
    async listKeys() {
      const values = await transact<unknown[]>('readonly', (store, finish) => {
        const request = store.getAll()
        request.onsuccess = () => finish(request.result)
      })
      return values.map((value) => keyInfoOfStored(parseStoredKeyRecord(value, algorithms)))
    },
    async sign(id, data) {
      assertBytes(data, { name: 'data' })
      const record = await find(id)
      return signWithCryptoKey(subtle, record.alg, record.privateKey, data)
    },
    async deleteKey(id) {
      assertKeyId(id)
      return transact<boolean>('readwrite', (store, finish) => {
        const lookup = store.index('id').getKey(id)
        lookup.onsuccess = () => {
          if (lookup.result === undefined) return finish(false)
          store.delete(lookup.result).onsuccess = () => finish(true)
        }
      })
    },
    async exportPrivateKey(id) {
      await find(id)
      throw new CivitasError(
        'ERR_KEY_NOT_EXPORTABLE',
        'WebCrypto key store keys are non-extractable: the private key never leaves the browser',
        { details: { keyId: id.slice(0, 128) } },
      )
    },
    close() {
      db.close()
    },
  }
}

/** The algorithms to offer: what was asked for, checked against what this WebCrypto can sign with. */
async function availableAlgorithms(
  subtle: SubtleCrypto,
  wanted: readonly SignatureAlgorithm[] | undefined,
): Promise<readonly WebCryptoAlgorithm[]> {
  const available: WebCryptoAlgorithm[] = (await supportsEd25519(subtle)) ? ['EdDSA', 'ES256'] : ['ES256']
  if (wanted === undefined) return Object.freeze(available)
  if (!Array.isArray(wanted) || wanted.length === 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'algorithms: expected a non-empty array of algorithm names',
    )
  }
  for (const alg of wanted) {
    if (!(available as string[]).includes(alg)) {
      throw new CivitasError(
        'ERR_ALGORITHM_UNSUPPORTED',
        alg === 'EdDSA'
          ? "this browser's WebCrypto has no Ed25519: use ES256"
          : `algorithm ${String(alg).slice(0, 32)} is not available in WebCrypto (available: ${available.join(', ')})`,
        { details: { alg: String(alg).slice(0, 32), supported: [...available] } },
      )
    }
  }
  return Object.freeze(available.filter((alg) => wanted.includes(alg)))
}
