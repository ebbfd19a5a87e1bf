import { stat } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CivitasErrorCode } from '@civitas/core'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import {
  assertLockDirectory,
  createLockExclusive,
  type FileLockErrors,
  fileLockErrors,
  readLockText,
  removeLockDebris,
  removeLockIfHeld,
  replaceLock,
} from './internal/fileLockFiles.js'
import { currentOwner, isOwnerGone, parseOwner } from './internal/fileLockOwner.js'

/** Options for {@link acquireFileLock}. */
export interface AcquireFileLockOptions {
  /** The lock file, beside the file it guards (by convention `<file>.lock`). Its directory must exist. */
  path: string
  /** The code thrown when another holder has the lock, e.g. `ERR_KEY_STORE_LOCKED`. */
  lockedCode: CivitasErrorCode
  /** The code thrown when the file system fails, e.g. `ERR_KEY_STORE_IO`. */
  ioCode: CivitasErrorCode
}

/** A lock file held by the caller until {@link FileLock.release}. */
export interface FileLock {
  /** The lock file's path. */
  readonly path: string
  /**
   * Checks the lock is still ours before a write. Throws `lockedCode` if it was removed or taken
   * over, `ioCode` if it (or its directory) cannot be read.
   */
  verify(): Promise<void>
  /** Removes the lock file if it is still ours. Throws `ioCode` only if it cannot be read. */
  release(): Promise<void>
}

/** Rounds of looking at a lock another taker is changing before giving up with `lockedCode`. */
const MAX_ROUNDS = 20
/** A lock file that is not a complete owner record is only respected this long (see below). */
const UNREADABLE_LOCK_GRACE_MS = 1_000
/** Claims on claims: each level is a taker killed in the middle of a takeover. */
const MAX_CLAIM_DEPTH = 4

/**
 * Takes a lock file that a single process (and a single store in it) may hold at a time. The lock
 * names its owner `{ pid, host, start, token }`, where `start` is the process's start time (against
 * pid reuse), and is never visible half-written: it is written to a temporary file, then linked into
 * place. A lock whose owner ran on this host and is gone is stale; taking it over is atomic: takers
 * race to create a claim named after the stale lock's digest, exactly one wins, checks the lock still
 * holds that stale owner and renames its own over it (the name never goes missing, so a new opener
 * cannot slip in). A claim left by a taker that was killed is taken over the same way. A lock that is
 * not an owner record (older releases created the file before writing it) is stale once a second old.
 *
 * @throws `lockedCode` when a live process (this one included) holds the lock, or the lock keeps
 *   changing under other takers; `ioCode` when the file system fails (never reported as "locked").
 * @example
 * ```ts
 * import { acquireFileLock } from '@civitas/crypto/file'
 *
 * const lock = await acquireFileLock({
 *   path: './wallet.json.lock',
 *   lockedCode: 'ERR_CREDENTIAL_STORE_LOCKED',
 *   ioCode: 'ERR_CREDENTIAL_STORE',
 * })
 * await lock.verify() // before each write
 * await lock.release()
 * ```
 */
export async function acquireFileLock(options: AcquireFileLockOptions): Promise<FileLock> {
  const { path } = options
  const errors = fileLockErrors(options.lockedCode, options.ioCode)
  const mine = JSON.stringify(currentOwner())
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (round > 0) await sleep(5 + Math.random() * 20)
    if (!(await createLockExclusive(path, mine, errors))) {
      const held = await readLockText(path, errors)
      if (held === undefined) continue // released meanwhile
      if (!(await isStale(path, held, errors))) throw lockedError(held, errors)
      if (!(await takeOver(path, held, mine, errors, 0))) continue
    }
    // Re-check: the lock must hold our record now, whichever way it was taken.
    if ((await readLockText(path, errors)) !== mine) continue
    await removeLockDebris(path)
    return heldLock(path, mine, errors)
  }
  throw errors.locked('the lock keeps changing: other processes are taking it', { reason: 'contended' })
}

function heldLock(path: string, mine: string, errors: FileLockErrors): FileLock {
  return {
    path,
    async verify() {
      const held = await readLockText(path, errors)
      if (held === mine) return
      if (held === undefined) await assertLockDirectory(path, errors)
      throw errors.locked('the lock file was removed or taken over', { reason: 'lost' })
    },
    release: () => removeLockIfHeld(path, mine, errors),
  }
}

/**
 * Replaces `target`, found holding the stale text `stale`, with `mine`; `false` when another taker
 * is doing it or did it first. The claim `<lock>.takeover-<digest of stale>` makes the check and
 * the replacement one step for everyone else: only its holder may replace `target` while it holds
 * `stale`, and nothing else changes a stale lock.
 */
async function takeOver(
  target: string,
  stale: string,
  mine: string,
  errors: FileLockErrors,
  depth: number,
): Promise<boolean> {
  const claim = `${lockPathOf(target)}.takeover-${bytesToHex(sha256(utf8ToBytes(stale))).slice(0, 32)}`
  if (!(await createLockExclusive(claim, mine, errors))) {
    const claimed = await readLockText(claim, errors)
    if (claimed === undefined || depth >= MAX_CLAIM_DEPTH) return false
    if (!(await isStale(claim, claimed, errors))) return false // a live taker is at work
    if (!(await takeOver(claim, claimed, mine, errors, depth + 1))) return false
  }
  try {
    if ((await readLockText(target, errors)) !== stale) return false
    await replaceLock(target, mine, errors)
    return true
  } finally {
    await removeLockIfHeld(claim, mine, errors)
  }
}

/** `a.lock` for the lock itself and for its claims (`a.lock.takeover-…`), so claims on claims stay short. */
function lockPathOf(path: string): string {
  const index = path.indexOf('.takeover-')
  return index === -1 ? path : path.slice(0, index)
}

async function isStale(path: string, text: string, errors: FileLockErrors): Promise<boolean> {
  const owner = parseOwner(text)
  if (owner !== undefined) return isOwnerGone(owner)
  try {
    return Date.now() - (await stat(path)).mtimeMs > UNREADABLE_LOCK_GRACE_MS
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw errors.io('inspect the lock file', error)
  }
}

function lockedError(held: string, errors: FileLockErrors) {
  const owner = parseOwner(held)
  return errors.locked(
    'the file is open in another process or store instance',
    owner === undefined ? { reason: 'unreadable lock' } : { pid: owner.pid, host: owner.host },
  )
}
