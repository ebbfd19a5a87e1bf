/**
 * Civitas and Veramo together: a Veramo agent's key manager as a Civitas `KeyStore`
 * ({@link createVeramoKeyStore}).
 *
 * @module
 */
export {
  type CreateVeramoKeyStoreOptions,
  createVeramoKeyStore,
  type VeramoKeyLister,
  type VeramoPrivateKeyReader,
} from './createVeramoKeyStore.js'
