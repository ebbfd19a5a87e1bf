import { resolve } from 'node:path'
import { CivitasError } from '@civitas/core'
import { acquireFileLock, type FileLock } from '@civitas/crypto/file'
import { matchesFilter } from '../internal/matchesFilter.js'
import type { CredentialRecord, CredentialStore } from '../types.js'
import { decodeCredentialFile, encodeCredentialFile } from './internal/credentialFileFormat.js'
import {
  readCredentialFile,
  removeLeftoverTempFiles,
  writeCredentialFile,
} from './internal/credentialFileIo.js'

/** Options for {@link createFileCredentialStore}. */
export interface CreateFileCredentialStoreOptions {
  /** The JSON file that holds the credentials; created on the first write. Its directory must exist. */
  path: string
  /** The largest file read at open, in bytes (default 16 MiB). */
  maxBytes?: number
}

/** A credential store kept in one file. Holds the file's lock until {@link FileCredentialStore.close}. */
export interface FileCredentialStore extends CredentialStore {
  /** The absolute path of the credential file. */
  readonly path: string
  /** Waits for pending writes and releases the lock. Later calls throw `ERR_CREDENTIAL_STORE`. */
  close(): Promise<void>
}

/**
 * A credential store kept in one JSON file (Node only). Every write replaces the file atomically —
 * a temporary file in the same directory, fsync, rename, fsync of the directory — with mode 0600, so
 * a crash leaves either the old or the new file, never a torn one; leftover temporary files are
 * removed at open. The file carries a SHA-256 of its records: a damaged file (one flipped bit) is
 * refused, never read as altered tokens; a file of the older checksum-less format is read and
 * rewritten with one. A write becomes visible only once it is on disk: after a failed write the store
 * holds what the file holds, and the next write is tried afresh. The store holds `<path>.lock` (the
 * key store's lock, `acquireFileLock` of `@civitas/crypto/file`) until `close()`: a second store on the
 * file, in this process or another, is refused; a lock left by a dead process is taken over.
 *
 * @throws `ERR_CREDENTIAL_STORE` when the file is damaged, too large, unreadable or unwritable (never
 *   an empty store in its place); `ERR_CREDENTIAL_STORE_LOCKED` when another store has the file open.
 * @example
 * ```ts
 * import { createFileCredentialStore } from '@civitas/wallet/file'
 *
 * const credentialStore = await createFileCredentialStore({ path: '/var/lib/wallet/credentials.json' })
 * await credentialStore.close()
 * ```
 */
export async function createFileCredentialStore(
  options: CreateFileCredentialStoreOptions,
): Promise<FileCredentialStore> {
  const path = resolve(options.path)
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024
  const lock = await acquireFileLock({
    path: `${path}.lock`,
    lockedCode: 'ERR_CREDENTIAL_STORE_LOCKED',
    ioCode: 'ERR_CREDENTIAL_STORE',
  })
  let records: Map<string, CredentialRecord>
  try {
    records = await open(path, maxBytes)
  } catch (error) {
    await lock.release().catch(() => {})
    throw error
  }
  let closed = false
  let queue: Promise<unknown> = Promise.resolve()
  const assertOpen = () => {
    if (closed)
      throw new CivitasError('ERR_CREDENTIAL_STORE', 'the credential store is closed', {
        details: { reason: 'closed' },
      })
  }

  /** Runs one change after the previous ones; it becomes visible only once written. `true` if it changed anything. */
  const change = async (apply: (next: Map<string, CredentialRecord>) => boolean): Promise<boolean> => {
    assertOpen()
    const run = queue.then(async () => {
      const next = new Map(records)
      if (!apply(next)) return false
      await persist(lock, path, next)
      records = next
      return true
    })
    queue = run.catch(() => {})
    return run
  }

  return {
    path,
    async put(record) {
      await change((next) => next.set(record.id, record) !== undefined)
    },
    async get(id) {
      assertOpen()
      return records.get(id)
    },
    async list(filter) {
      assertOpen()
      return [...records.values()].filter((record) => matchesFilter(record, filter))
    },
    delete: (id) => change((next) => next.delete(id)),
    async close() {
      if (closed) return
      closed = true
      await queue
      await lock.release()
    },
  }
}

/** Loads the file (empty when missing); a file in the older format is rewritten with a checksum. */
async function open(path: string, maxBytes: number): Promise<Map<string, CredentialRecord>> {
  await removeLeftoverTempFiles(path)
  const bytes = await readCredentialFile(path, maxBytes)
  if (bytes === undefined) return new Map()
  const { records, legacy } = decodeCredentialFile(bytes, maxBytes)
  if (legacy) await writeCredentialFile(path, encodeCredentialFile(records.values()))
  return records
}

async function persist(lock: FileLock, path: string, records: Map<string, CredentialRecord>): Promise<void> {
  await lock.verify()
  await writeCredentialFile(path, encodeCredentialFile(records.values()))
}
