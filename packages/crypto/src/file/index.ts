/**
 * Node-only key storage for Civitas: {@link createFileKeyStore} keeps keys in one file, encrypted
 * under a passphrase (scrypt, XChaCha20-Poly1305), written atomically and locked against a second writer;
 * {@link acquireFileLock} is that lock, for any store kept in a file (the wallet's file store uses it).
 *
 * @example
 * ```ts
 * import { createFileKeyStore } from '@civitas/crypto/file'
 *
 * const keyStore = await createFileKeyStore({ path: './keys.civitas', passphrase: 'correct horse battery staple' })
 * const { id } = await keyStore.createKey({ alg: 'ES256' })
 * await keyStore.close()
 * ```
 *
 * @module
 */
export { type AcquireFileLockOptions, acquireFileLock, type FileLock } from './acquireFileLock.js'
export {
  type CreateFileKeyStoreOptions,
  createFileKeyStore,
  type FileKeyStore,
} from './createFileKeyStore.js'
export type { ScryptParams } from './internal/keyStoreFileKdf.js'
