import { randomUUID } from 'node:crypto'
import { open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { CivitasError } from '@civitas/core'
import { ioError } from './keyStoreFileIo.js'

/** A lock file held by this store instance. */
export interface KeyStoreFileLock {
  /** Throws `ERR_KEY_STORE_LOCKED` if the lock file is no longer ours (removed or taken over by hand). */
  verify(): Promise<void>
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>
}

interface LockContents {
  pid: number
  host: string
  token: string
}

/** A lock file whose contents cannot be read is considered abandoned after this long. */
const UNREADABLE_LOCK_STALE_MS = 10_000

/**
 * Takes `lockPath` by creating it with O_EXCL and writing `{ pid, host, token }` into it. A lock left
 * by a process of this host that no longer runs is stale: it is removed and taking it is retried.
 *
 * @throws `ERR_KEY_STORE_LOCKED` when a live process (this one included) holds the lock;
 *   `ERR_KEY_STORE_IO` when the lock file cannot be created.
 */
export async function acquireKeyStoreFileLock(lockPath: string): Promise<KeyStoreFileLock> {
  const mine: LockContents = { pid: process.pid, host: hostname(), token: randomUUID() }
  const text = JSON.stringify(mine)
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', 0o600)
      try {
        await handle.writeFile(text)
        await handle.sync()
        await handle.close()
      } catch (error) {
        await handle.close().catch(() => {})
        await unlink(lockPath).catch(() => {})
        throw ioError('write the lock file', error)
      }
      return {
        verify: async () => {
          if ((await readLock(lockPath)) !== text) {
            throw new CivitasError(
              'ERR_KEY_STORE_LOCKED',
              'the key store lock file was removed or taken over',
            )
          }
        },
        release: async () => {
          if ((await readLock(lockPath)) === text) await unlink(lockPath).catch(() => {})
        },
      }
    } catch (error) {
      if (error instanceof CivitasError) throw error
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError('create the lock file', error)
    }
    const held = await readLock(lockPath)
    if (held === undefined) continue // released meanwhile: try again
    if (!(await isStale(lockPath, held))) {
      const holder = parseLock(held)
      throw new CivitasError(
        'ERR_KEY_STORE_LOCKED',
        'the key store is open in another process or store instance',
        {
          details: holder === undefined ? {} : { pid: holder.pid, host: holder.host },
        },
      )
    }
    // Remove the stale lock only if nobody replaced it since it was read.
    if ((await readLock(lockPath)) === held) await unlink(lockPath).catch(() => {})
  }
  throw new CivitasError(
    'ERR_KEY_STORE_LOCKED',
    'the key store lock file keeps changing; another process is opening it',
  )
}

async function isStale(lockPath: string, held: string): Promise<boolean> {
  const holder = parseLock(held)
  if (holder === undefined) {
    // Being written right now, or left empty by a crash: wait a little before calling it abandoned.
    const stats = await stat(lockPath).catch(() => undefined)
    return stats !== undefined && Date.now() - stats.mtimeMs > UNREADABLE_LOCK_STALE_MS
  }
  return holder.host === hostname() && !isProcessAlive(holder.pid)
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

async function readLock(lockPath: string): Promise<string | undefined> {
  try {
    return await readFile(lockPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw ioError('read the lock file', error)
  }
}

function parseLock(text: string): LockContents | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContents> | null
    if (typeof value?.pid === 'number' && Number.isSafeInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, host: String(value.host), token: String(value.token) }
    }
  } catch {}
  return undefined
}
