import { resolve } from 'node:path'
import { CivitasError, encodeUtf8 } from '@civitas/core'
import { randomBytes } from '@noble/ciphers/utils.js'
import { createRecordKeyStore } from '../internal/keyStoreRecordStore.js'
import { KEY_STORE_ALGORITHMS, type KeyRecord } from '../internal/keyStoreRecords.js'
import type { KeyStore } from '../types.js'
import { acquireFileLock } from './acquireFileLock.js'
import {
  decodeKeyStoreFile,
  decryptKeyStoreFile,
  encodeKeyStoreFile,
  type KeyStoreFileKdf,
} from './internal/keyStoreFileFormat.js'
import { readKeyStoreFile, removeLeftoverTempFiles, writeFileAtomic } from './internal/keyStoreFileIo.js'
import {
  checkScryptParams,
  DEFAULT_SCRYPT_PARAMS,
  deriveKeyStoreKey,
  type ScryptParams,
  scryptCost,
} from './internal/keyStoreFileKdf.js'

/** Options for {@link createFileKeyStore}. */
export interface CreateFileKeyStoreOptions {
  /** The store file. Its directory must exist; the file is created (mode 0600) when missing. */
  path: string
  /** The passphrase the file is encrypted under (strings are NFC-normalised, then UTF-8 encoded). */
  passphrase: string | Uint8Array
  /**
   * scrypt parameters for a new file, or to raise an existing file's (never lowered). Default
   * `{ N: 2 ** 15, r: 8, p: 1 }`. Cheaper values are for tests only; the floor is `N: 2 ** 10, r: 8`.
   */
  kdf?: ScryptParams
}

/** A key store kept in an encrypted file. Holds the file's lock until {@link FileKeyStore.close}. */
export interface FileKeyStore extends KeyStore {
  /** The absolute path of the store file. */
  readonly path: string
  /** Waits for pending writes, forgets the derived key and releases the lock. Later calls throw `ERR_KEY_STORE_IO`. */
  close(): Promise<void>
}

/**
 * Opens (or creates) a key store kept in one encrypted file. The passphrase goes through scrypt
 * (parameters and salt in the file header) once at open; keys are sealed with XChaCha20-Poly1305,
 * the header authenticated as associated data. Every change rewrites the file atomically (temporary
 * file, fsync, rename, directory fsync) before it becomes visible, so a crash leaves either the old
 * or the new file, never a mix. The store holds `<path>.lock` ({@link acquireFileLock}: never visible
 * half-written, naming its process) from open to `close()`: a second opener, in this process or another,
 * gets `ERR_KEY_STORE_LOCKED`; a lock left by a dead process is taken over atomically, by one opener.
 *
 * @throws `ERR_KEY_STORE_PASSPHRASE` for a wrong passphrase; `ERR_KEY_STORE_CORRUPT` for a damaged or
 *   truncated file; `ERR_KEY_STORE_LOCKED` when the file is open elsewhere; `ERR_KEY_STORE_IO` for
 *   file-system failures (the lock's included: a failing disk is never reported as "locked"); `ERR_INVALID_ARGUMENT` for bad options. None of them changes the file.
 * @example
 * ```ts
 * import { createFileKeyStore } from '@civitas/crypto/file'
 *
 * const keyStore = await createFileKeyStore({ path: './keys.civitas', passphrase: process.env.KEY_PASSPHRASE ?? '' })
 * const key = await keyStore.createKey({ alg: 'EdDSA' })
 * await keyStore.close()
 * ```
 */
export async function createFileKeyStore(options: CreateFileKeyStoreOptions): Promise<FileKeyStore> {
  const { path, passphrase } = checkOptions(options)
  const wanted = options.kdf === undefined ? { ...DEFAULT_SCRYPT_PARAMS } : checkScryptParams(options.kdf)
  const lock = await acquireFileLock({
    path: `${path}.lock`,
    lockedCode: 'ERR_KEY_STORE_LOCKED',
    ioCode: 'ERR_KEY_STORE_IO',
  })
  let opened: OpenedFile
  try {
    opened = await openOrCreate(path, passphrase, wanted)
  } catch (error) {
    await lock.release().catch(() => {})
    throw error
  } finally {
    passphrase.fill(0)
  }
  const { key, kdf } = opened

  let closed = false
  let writing: Promise<unknown> = Promise.resolve()
  const store = createRecordKeyStore({
    algorithms: KEY_STORE_ALGORITHMS,
    records: opened.records,
    assertUsable: () => {
      if (closed)
        throw new CivitasError('ERR_KEY_STORE_IO', 'the key store is closed', {
          details: { reason: 'closed' },
        })
    },
    persist: (next) => {
      const write = (async () => {
        await lock.verify()
        await writeFileAtomic(path, encodeKeyStoreFile(key, kdf, next))
      })()
      writing = write.catch(() => {})
      return write
    },
  })
  return Object.assign(store, {
    path,
    async close(): Promise<void> {
      if (closed) return
      closed = true
      await writing
      key.fill(0)
      await lock.release()
    },
  })
}

interface OpenedFile {
  key: Uint8Array
  kdf: KeyStoreFileKdf
  records: KeyRecord[]
}

/** Reads and decrypts the file, or creates it; rewrites it when `wanted` costs more than its KDF parameters. */
async function openOrCreate(path: string, passphrase: Uint8Array, wanted: ScryptParams): Promise<OpenedFile> {
  await removeLeftoverTempFiles(path)
  const bytes = await readKeyStoreFile(path)
  let records: KeyRecord[] = []
  if (bytes !== undefined) {
    const file = decodeKeyStoreFile(bytes)
    const key = await deriveKeyStoreKey(passphrase, file.kdf.salt, file.kdf.params)
    records = decryptKeyStoreFile(file, key)
    if (scryptCost(wanted) <= scryptCost(file.kdf.params)) return { key, kdf: file.kdf, records }
    key.fill(0)
  }
  const kdf = { params: wanted, salt: randomBytes(16) }
  const key = await deriveKeyStoreKey(passphrase, kdf.salt, kdf.params)
  await writeFileAtomic(path, encodeKeyStoreFile(key, kdf, records))
  return { key, kdf, records }
}

function checkOptions(options: CreateFileKeyStoreOptions): { path: string; passphrase: Uint8Array } {
  const { path, passphrase } = options ?? ({} as Partial<CreateFileKeyStoreOptions>)
  if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'path: expected a non-empty file path')
  }
  let bytes: Uint8Array
  if (typeof passphrase === 'string') bytes = encodeUtf8(passphrase.normalize('NFC'))
  else if (passphrase instanceof Uint8Array) bytes = Uint8Array.from(passphrase)
  else throw new CivitasError('ERR_INVALID_ARGUMENT', 'passphrase: expected a string or a Uint8Array')
  if (bytes.length === 0) throw new CivitasError('ERR_INVALID_ARGUMENT', 'passphrase: must not be empty')
  return { path: resolve(path), passphrase: bytes }
}
