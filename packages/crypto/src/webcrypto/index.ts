/**
 * Browser key storage: a key store of non-extractable WebCrypto keys in IndexedDB, and the
 * small IndexedDB helpers the browser stores share. No Node built-ins.
 *
 * @module
 */
export {
  type CreateWebCryptoKeyStoreOptions,
  createWebCryptoKeyStore,
  type WebCryptoKeyStore,
} from './createWebCryptoKeyStore.js'
export { type OpenIndexedDbOptions, openIndexedDb } from './openIndexedDb.js'
export { type RunIndexedDbTransactionOptions, runIndexedDbTransaction } from './runIndexedDbTransaction.js'
