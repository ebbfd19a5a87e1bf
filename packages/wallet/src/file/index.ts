/**
 * The Node-only file credential store: one JSON file, replaced atomically on every write.
 *
 * @module
 */
export {
  type CreateFileCredentialStoreOptions,
  createFileCredentialStore,
} from './createFileCredentialStore.js'
