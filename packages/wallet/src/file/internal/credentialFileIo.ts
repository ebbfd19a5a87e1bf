import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CivitasError } from '@civitas/core'

/** The file's bytes, or `undefined` when it does not exist. @throws `ERR_CREDENTIAL_STORE` */
export async function readCredentialFile(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > maxBytes) {
        throw new CivitasError(
          'ERR_CREDENTIAL_STORE',
          `the file is ${size} bytes, over the limit of ${maxBytes}`,
          {
            details: { reason: 'too large' },
          },
        )
      }
      return new Uint8Array(await handle.readFile())
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    if (error instanceof CivitasError) throw error
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'cannot read the credential file', { cause: error })
  }
}

/**
 * Replaces the file atomically: a temporary file (mode 0600) in the same directory, fsync, rename,
 * fsync of the directory. On failure the temporary file is removed and the file is untouched.
 *
 * @throws `ERR_CREDENTIAL_STORE`
 */
export async function writeCredentialFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
    const directory = await open(dirname(path), 'r')
    try {
      await directory.sync()
    } finally {
      await directory.close()
    }
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => {})
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'cannot write the credential file', {
      details: { reason: 'write failed' },
      cause,
    })
  }
}

/** Removes temporary files a crashed writer left (`<name>.<12 hex>.tmp`). Call with the lock held. */
export async function removeLeftoverTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`
  const entries = await readdir(dirname(path)).catch(() => [] as string[])
  for (const entry of entries) {
    if (entry.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(entry.slice(prefix.length))) {
      await rm(join(dirname(path), entry), { force: true })
    }
  }
}
