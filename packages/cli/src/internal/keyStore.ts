import { access, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createFileKeyStore, type FileKeyStore } from '@civitas/crypto/file'
import type { CliContext } from './context.js'
import { readPassphrase } from './passphrase.js'

/** The default key store file, relative to the working directory. */
export const DEFAULT_STORE = '.civitas/keys'

/**
 * Opens the encrypted key store at `path` (creating its directory and file when missing), with a
 * spinner while scrypt derives the key; `use` runs with it and the store is closed afterwards.
 */
export async function withKeyStore<T>(
  context: CliContext,
  path: string,
  use: (keyStore: FileKeyStore) => Promise<T>,
): Promise<T> {
  const isNew = await access(resolve(path)).then(
    () => false,
    () => true,
  )
  const passphrase = await readPassphrase(context, resolve(path), isNew)
  await mkdir(dirname(resolve(path)), { recursive: true })
  const keyStore = await context.progress('Unlocking the key store (scrypt)…', () =>
    createFileKeyStore({ path, passphrase }),
  )
  try {
    return await use(keyStore)
  } finally {
    await keyStore.close()
  }
}
