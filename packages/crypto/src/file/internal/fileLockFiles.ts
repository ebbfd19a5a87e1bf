import { randomBytes } from 'node:crypto'
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import { isOwnerGone, isPidAlive, parseOwner } from './fileLockOwner.js'

/** Builds the typed errors of one lock's user (the key store's codes, the credential store's). */
export interface FileLockErrors {
  locked(message: string, details?: Record<string, unknown>): CivitasError
  io(operation: string, cause: unknown): CivitasError
}

/** The errors for a pair of codes; the errno of an I/O failure goes in `details`. */
export function fileLockErrors(lockedCode: CivitasErrorCode, ioCode: CivitasErrorCode): FileLockErrors {
  return {
    locked: (message, details = {}) => new CivitasError(lockedCode, message, { details }),
    io: (operation, cause) => {
      const errno = (cause as NodeJS.ErrnoException | undefined)?.code
      return new CivitasError(ioCode, `could not ${operation}${errno ? ` (${errno})` : ''}`, {
        details: { operation, ...(errno ? { errno } : {}) },
        cause,
      })
    },
  }
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code

/** The text of a lock file, or `undefined` when it does not exist. */
export async function readLockText(path: string, errors: FileLockErrors): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined
    throw errors.io('read the lock file', error)
  }
}

/**
 * Creates `path` holding `text` only if it does not exist, and never half-written: the text is
 * written to a temporary file first, then hard-linked into place (link fails if the
 * name exists). Returns `false` when `path` exists.
 */
export async function createLockExclusive(
  path: string,
  text: string,
  errors: FileLockErrors,
): Promise<boolean> {
  const temp = await writeLockTemp(path, text, errors)
  try {
    await link(temp, path)
    return true
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false
    throw errors.io('create the lock file', error)
  } finally {
    await unlink(temp).catch(() => {})
  }
}

/** Replaces `path` with a complete file holding `text` in one rename: the name never goes missing. */
export async function replaceLock(path: string, text: string, errors: FileLockErrors): Promise<void> {
  const temp = await writeLockTemp(path, text, errors)
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw errors.io('replace the lock file', error)
  }
}

/** Removes `path` if it still holds `text` (only its owner ever removes a lock it holds). */
export async function removeLockIfHeld(path: string, text: string, errors: FileLockErrors): Promise<void> {
  if ((await readLockText(path, errors)) === text) await unlink(path).catch(() => {})
}

/** Throws the I/O error when the lock's directory is gone (unmounted, moved), as opposed to the lock alone. */
export async function assertLockDirectory(path: string, errors: FileLockErrors): Promise<void> {
  try {
    await stat(dirname(path))
  } catch (error) {
    throw errors.io('reach the lock directory', error)
  }
}

/**
 * Removes what killed lock takers leave: temporary files of dead processes, and takeover claims
 * whose owner is gone (with the lock held, a claim on an older lock can no longer succeed).
 */
export async function removeLockDebris(path: string): Promise<void> {
  const directory = dirname(path)
  const prefix = `${basename(path)}.`
  const names = await readdir(directory).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const rest = name.slice(prefix.length)
    const tempPid = /^tmp-(\d+)-[0-9a-f]{16}$/.exec(rest)?.[1]
    let gone = tempPid !== undefined && !isPidAlive(Number(tempPid))
    if (/^takeover-[0-9a-f]{32}$/.test(rest)) {
      const owner = parseOwner(await readFile(join(directory, name), 'utf8').catch(() => ''))
      gone = owner === undefined || isOwnerGone(owner)
    }
    if (gone) await unlink(join(directory, name)).catch(() => {})
  }
}

/** Writes `text` to `<path>.tmp-<pid>-<random>` (mode 0600); returns its path. */
async function writeLockTemp(path: string, text: string, errors: FileLockErrors): Promise<string> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(8).toString('hex')}`
  try {
    const handle = await open(temp, 'wx', 0o600)
    // No fsync: a lock need not outlive the machine (after a power loss its owner is gone anyway, and
    // a lock file emptied by the crash is unreadable, hence stale after a second).
    try {
      await handle.writeFile(text)
    } finally {
      await handle.close()
    }
    return temp
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw errors.io('write the lock file', error)
  }
}
