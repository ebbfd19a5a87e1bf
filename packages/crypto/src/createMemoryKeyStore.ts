import type { SignatureAlgorithm } from '@civitas/core'
import { createRecordKeyStore } from './internal/keyStoreRecordStore.js'
import { resolveKeyStoreAlgorithms } from './internal/keyStoreRecords.js'
import type { KeyStore } from './types.js'

/** Options for {@link createMemoryKeyStore}. */
export interface CreateMemoryKeyStoreOptions {
  /** The algorithms the store accepts (default: `['EdDSA', 'ES256', 'ES256K']`). */
  algorithms?: readonly SignatureAlgorithm[]
}

/**
 * Creates a key store that keeps its keys in memory only: for tests, short-lived processes and
 * keys that are imported from elsewhere at start-up. Keys are lost when the process ends; use
 * `createFileKeyStore` from `@civitas/crypto/file` to keep them.
 *
 * Key ids default to the RFC 7638 JWK thumbprint of the public key. The store signs by key id
 * and hands a private key out only through `exportPrivateKey`.
 *
 * @throws `ERR_ALGORITHM_UNSUPPORTED` when `algorithms` names an algorithm Civitas does not support;
 *   `ERR_INVALID_ARGUMENT` for an empty `algorithms` list.
 * @example
 * ```ts
 * import { createMemoryKeyStore, createSigner, signJws } from '@civitas/crypto'
 *
 * const keyStore = createMemoryKeyStore()
 * const key = await keyStore.createKey({ alg: 'EdDSA' })
 * const signer = await createSigner({ keyStore, keyId: key.id })
 * const token = await signJws({ payload: { hello: 'world' }, signer })
 * ```
 */
export function createMemoryKeyStore(options: CreateMemoryKeyStoreOptions = {}): KeyStore {
  return createRecordKeyStore({ algorithms: resolveKeyStoreAlgorithms(options.algorithms) })
}
