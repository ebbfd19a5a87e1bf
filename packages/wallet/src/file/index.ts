/**
 * The Node-only file credential store: one JSON file with a checksum, replaced atomically on every
 * write, locked against a second store.
 *
 * @module
 */
export {
  type CreateFileCredentialStoreOptions,
  createFileCredentialStore,
  type FileCredentialStore,
} from './createFileCredentialStore.js'
