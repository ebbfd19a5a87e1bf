/**
 * Civitas and Veramo together: a Veramo agent's key manager as a Civitas `KeyStore`
 * ({@link createVeramoKeyStore}), and Civitas verifying, issuing and presenting as a Veramo agent
 * plugin ({@link createCivitasPlugin}).
 *
 * @module
 */
export {
  type CivitasPlugin,
  type CreateCivitasPluginOptions,
  createCivitasPlugin,
} from './createCivitasPlugin.js'
export {
  type CreateVeramoKeyStoreOptions,
  createVeramoKeyStore,
  type VeramoKeyLister,
  type VeramoPrivateKeyReader,
} from './createVeramoKeyStore.js'
export type {
  CivitasIssueArgs,
  CivitasPluginContext,
  CivitasPluginMethods,
  CivitasPresentArgs,
  CivitasVerifyArgs,
} from './types.js'
