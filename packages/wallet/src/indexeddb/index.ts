/**
 * A credential store on IndexedDB for wallets in a browser. No Node built-ins.
 *
 * @module
 */
export {
  type CreateIndexedDbCredentialStoreOptions,
  createIndexedDbCredentialStore,
  type IndexedDbCredentialStore,
} from './createIndexedDbCredentialStore.js'
