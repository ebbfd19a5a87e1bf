import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CivitasError, type JsonObject, parseJson } from '@civitas/core'
import { matchesFilter } from '../internal/matchesFilter.js'
import type { CredentialRecord, CredentialStore } from '../types.js'

/** Options for {@link createFileCredentialStore}. */
export interface CreateFileCredentialStoreOptions {
  /** The JSON file that holds the credentials; created on the first write. */
  path: string
  /** The largest file read at open, in bytes (default 16 MiB). */
  maxBytes?: number
}

const FORMAT_VERSION = 1

/**
 * A credential store kept in one JSON file (Node only). Every write replaces the file atomically —
 * a temporary file in the same directory, fsync, rename, fsync of the directory — with mode 0600, so
 * a crash leaves either the old or the new file, never a torn one; leftover temporary files are
 * removed at open. Writes are serialized within the process; run one store per file across
 * processes.
 *
 * @throws `ERR_CREDENTIAL_STORE` when the file is corrupted, too large or unreadable (never an empty store in its place).
 * @example
 * ```ts
 * import { createFileCredentialStore } from '@civitas/wallet/file'
 *
 * const credentialStore = await createFileCredentialStore({ path: '/var/lib/wallet/credentials.json' })
 * ```
 */
export async function createFileCredentialStore(
  options: CreateFileCredentialStoreOptions,
): Promise<CredentialStore> {
  const { path, maxBytes = 16 * 1024 * 1024 } = options
  await removeLeftovers(path)
  const records = await load(path, maxBytes)
  let writing: Promise<void> = Promise.resolve()

  const persist = (): Promise<void> => {
    const snapshot = JSON.stringify({ version: FORMAT_VERSION, records: [...records.values()] })
    writing = writing.then(() => writeAtomically(path, snapshot))
    return writing
  }

  return {
    async put(record) {
      records.set(record.id, record)
      await persist()
    },
    async get(id) {
      return records.get(id)
    },
    async list(filter) {
      return [...records.values()].filter((record) => matchesFilter(record, filter))
    },
    async delete(id) {
      const existed = records.delete(id)
      if (existed) await persist()
      return existed
    },
  }
}

async function load(path: string, maxBytes: number): Promise<Map<string, CredentialRecord>> {
  let text: string
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > maxBytes) fail(`the file is ${size} bytes, over the limit of ${maxBytes}`)
      text = await handle.readFile('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    if (error instanceof CivitasError) throw error
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'cannot read the credential file', { cause: error })
  }
  let parsed: JsonObject
  try {
    parsed = parseJson(text, { maxLength: maxBytes, name: 'credential file' }) as JsonObject
  } catch (cause) {
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'the credential file is corrupted', { cause })
  }
  if (parsed?.version !== FORMAT_VERSION || !Array.isArray(parsed.records))
    fail('the credential file has an unknown format')
  const records = new Map<string, CredentialRecord>()
  for (const record of parsed.records as unknown as CredentialRecord[]) {
    if (typeof record?.id !== 'string' || typeof record.token !== 'string')
      fail('the credential file holds a malformed record')
    records.set(record.id, record)
  }
  return records
}

async function writeAtomically(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(contents, 'utf8')
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
    await rm(temporary, { force: true })
    throw new CivitasError('ERR_CREDENTIAL_STORE', 'cannot write the credential file', { cause })
  }
}

async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`
  const entries = await readdir(dirname(path)).catch(() => [] as string[])
  for (const entry of entries) {
    if (entry.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(entry.slice(prefix.length))) {
      await rm(join(dirname(path), entry), { force: true })
    }
  }
}

function fail(message: string): never {
  throw new CivitasError('ERR_CREDENTIAL_STORE', message)
}
