import { randomBytes } from 'node:crypto'
import { open, readdir, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CivitasError } from '@civitas/core'
import { MAX_KEY_STORE_FILE_BYTES } from './keyStoreFileFormat.js'

/** Wraps a file-system failure as `ERR_KEY_STORE_IO` (the errno code goes in `details`). */
function ioError(operation: string, cause: unknown): CivitasError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  return new CivitasError(
    'ERR_KEY_STORE_IO',
    `key store: could not ${operation}${code ? ` (${code})` : ''}`,
    {
      details: { operation, ...(code ? { errno: code } : {}) },
      cause,
    },
  )
}

/** The prefix of this store's temporary files: `<name>.tmp-`. */
function tempPrefix(path: string): string {
  return `${basename(path)}.tmp-`
}

/** Reads the store file, or `undefined` if it does not exist. @throws `ERR_KEY_STORE_IO`, `ERR_KEY_STORE_CORRUPT` */
export async function readKeyStoreFile(path: string): Promise<Uint8Array | undefined> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw ioError('open the key store file', error)
  }
  try {
    const { size } = await handle.stat()
    if (size > MAX_KEY_STORE_FILE_BYTES) {
      throw new CivitasError(
        'ERR_KEY_STORE_CORRUPT',
        'key store file is corrupt: larger than any key store',
        {
          details: { reason: 'too large' },
        },
      )
    }
    return new Uint8Array(await handle.readFile())
  } catch (error) {
    if (error instanceof CivitasError) throw error
    throw ioError('read the key store file', error)
  } finally {
    await handle.close().catch(() => {})
  }
}

/**
 * Replaces the file at `path` atomically: writes a temporary file (mode 0600) in the same directory,
 * fsyncs it, renames it over `path`, then fsyncs the directory so the rename itself is durable.
 * On failure the temporary file is removed and `path` is untouched.
 *
 * @throws `ERR_KEY_STORE_IO`
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `${tempPrefix(path)}${randomBytes(8).toString('hex')}`)
  let operation = 'create a temporary file'
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      operation = 'write the temporary file'
      await handle.writeFile(bytes)
      await handle.chmod(0o600)
      await handle.sync()
    } finally {
      await handle.close()
    }
    operation = 'replace the key store file'
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw ioError(operation, error)
  }
  await syncDirectory(dirname(path))
}

/** Removes temporary files left by a writer that crashed before its rename. Call with the lock held. */
export async function removeLeftoverTempFiles(path: string): Promise<void> {
  const directory = dirname(path)
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await readdir(directory)
  } catch (error) {
    throw ioError('list the key store directory', error)
  }
  for (const name of names) {
    if (name.startsWith(prefix)) await unlink(join(directory, name)).catch(() => {})
  }
}

/** Best effort: some platforms (Windows) cannot open or fsync a directory. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {}
}
