import { spawn } from 'node:child_process'
import { once } from 'node:events'
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeBase64url } from '@civitas/core'
import { sha256 } from '@noble/hashes/sha2.js'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { KeyRecord } from '../internal/keyStoreRecords.js'
import type { KeyInfo } from '../types.js'
import { createFileKeyStore } from './createFileKeyStore.js'
import { decodeKeyStoreFile, encodeKeyStoreFile } from './internal/keyStoreFileFormat.js'
import { deriveKeyStoreKey } from './internal/keyStoreFileKdf.js'

// Every failure here must leave the original file opening with the right passphrase and all its keys.

const kdf = { N: 2 ** 10, r: 8, p: 1 }
const passphrase = 'correct horse battery staple'
const root = await mkdtemp(join(tmpdir(), 'civitas-file-key-store-failures-'))

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

interface Fixture {
  path: string
  keys: KeyInfo[]
  bytes: Uint8Array
}

/** A closed store with one key of each algorithm. */
async function fixture(): Promise<Fixture> {
  const directory = await mkdtemp(join(root, 'store-'))
  const store = await createFileKeyStore({ path: join(directory, 'keys.civitas'), passphrase, kdf })
  const keys = [await store.createKey({ alg: 'EdDSA' }), await store.createKey({ alg: 'ES256' })]
  keys.push(await store.createKey({ alg: 'ES256K', id: 'secp' }))
  await store.close()
  return { path: store.path, keys, bytes: new Uint8Array(await readFile(store.path)) }
}

/** The file is byte for byte what it was, and opens with every key. */
async function expectIntact({ path, keys, bytes }: Fixture): Promise<void> {
  expect(new Uint8Array(await readFile(path))).toEqual(bytes)
  const store = await createFileKeyStore({ path, passphrase, kdf })
  expect(await store.listKeys()).toEqual(keys)
  await store.close()
}

const open = (path: string, pass = passphrase) => createFileKeyStore({ path, passphrase: pass, kdf })

/** The code `open` fails with; `'opened'` (and the store closed again) if it wrongly succeeds. */
async function refusal(path: string): Promise<unknown> {
  try {
    await (await open(path)).close()
    return 'opened'
  } catch (error) {
    return (error as { code?: unknown }).code
  }
}

describe('createFileKeyStore failures', () => {
  it('error: a wrong passphrase is ERR_KEY_STORE_PASSPHRASE and leaves the store intact', async () => {
    const store = await fixture()
    await expect(open(store.path, 'wrong horse')).rejects.toMatchObject({ code: 'ERR_KEY_STORE_PASSPHRASE' })
    expect(await readdir(join(store.path, '..'))).toEqual(['keys.civitas'])
    await expectIntact(store)
  })

  it('error: an empty file is ERR_KEY_STORE_CORRUPT and is never replaced by a new store', async () => {
    const store = await fixture()
    await writeFile(store.path, '')
    await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
    expect((await readFile(store.path)).length).toBe(0)
  })

  it('property: any truncation is ERR_KEY_STORE_CORRUPT and leaves the file as it was', async () => {
    const store = await fixture()
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: store.bytes.length - 1 }), async (length) => {
        const truncated = store.bytes.slice(0, length)
        await writeFile(store.path, truncated)
        await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
        expect(new Uint8Array(await readFile(store.path))).toEqual(truncated)
      }),
      { numRuns: 60 },
    )
    await writeFile(store.path, store.bytes)
    await expectIntact(store)
  })

  it('property: any single-byte corruption is refused (CORRUPT or PASSPHRASE), never opened', async () => {
    const store = await fixture()
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: store.bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, flip) => {
          const damaged = store.bytes.slice()
          damaged[index] = (damaged[index] ?? 0) ^ flip
          await writeFile(store.path, damaged)
          expect(['ERR_KEY_STORE_CORRUPT', 'ERR_KEY_STORE_PASSPHRASE']).toContain(await refusal(store.path))
          expect(new Uint8Array(await readFile(store.path))).toEqual(damaged)
        },
      ),
      { numRuns: 200 },
    )
    await writeFile(store.path, store.bytes)
    await expectIntact(store)
  })

  it('property: a tampered header or ciphertext with a recomputed checksum never opens', async () => {
    const store = await fixture()
    const lines = new TextDecoder().decode(store.bytes).split('\n')
    const body = `${lines[0]}\n${lines[1]}\n`
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: body.length - 2 }), async (index) => {
        const replacement = body[index] === 'A' ? 'B' : 'A'
        if (body[index] === '\n') return
        const tampered = `${body.slice(0, index)}${replacement}${body.slice(index + 1)}`
        await writeFile(
          store.path,
          `${tampered}${encodeBase64url(sha256(new TextEncoder().encode(tampered)))}\n`,
        )
        expect(['ERR_KEY_STORE_CORRUPT', 'ERR_KEY_STORE_PASSPHRASE']).toContain(await refusal(store.path))
      }),
      { numRuns: 80 },
    )
    await writeFile(store.path, store.bytes)
    await expectIntact(store)
  })

  it('error: a second store on an open file is ERR_KEY_STORE_LOCKED; the first keeps working', async () => {
    const store = await fixture()
    const first = await open(store.path)
    await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_LOCKED' })
    const added = await first.createKey({ alg: 'EdDSA' })
    await first.close()
    const second = await open(store.path)
    expect(await second.listKeys()).toEqual([...store.keys, added])
    await second.close()
  })

  it('error: a lock held by another live process is ERR_KEY_STORE_LOCKED, taken over once it exits', async () => {
    const store = await fixture()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      await writeFile(
        `${store.path}.lock`,
        JSON.stringify({ pid: child.pid, host: hostname(), token: 'other' }),
      )
      await expect(open(store.path)).rejects.toMatchObject({
        code: 'ERR_KEY_STORE_LOCKED',
        details: { pid: child.pid },
      })
    } finally {
      child.kill()
      await once(child, 'exit')
    }
    await expectIntact(store)
  })

  it('error: a lock from another host is never assumed stale', async () => {
    const store = await fixture()
    await writeFile(`${store.path}.lock`, JSON.stringify({ pid: 1, host: `not-${hostname()}`, token: 'x' }))
    await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_LOCKED' })
    await rm(`${store.path}.lock`)
    await expectIntact(store)
  })

  it('behavior: an unreadable lock is respected while fresh and taken over a second later', async () => {
    const store = await fixture()
    const lock = `${store.path}.lock`
    await writeFile(lock, '')
    await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_LOCKED' })
    const secondsAgo = new Date(Date.now() - 2_000)
    await utimes(lock, secondsAgo, secondsAgo)
    await expectIntact(store)
  })

  it('behavior: a temporary file left by a crash before the rename is ignored and removed', async () => {
    const store = await fixture()
    // What a writer that crashed after writing (but before renaming) its temporary file leaves behind:
    const next = await open(store.path)
    await next.createKey({ alg: 'EdDSA', id: 'never-committed' })
    await next.close()
    const directory = join(store.path, '..')
    await writeFile(join(directory, 'keys.civitas.tmp-0123456789abcdef'), await readFile(store.path))
    await writeFile(join(directory, 'keys.civitas.tmp-fedcba9876543210'), 'half a fi')
    await writeFile(store.path, store.bytes)
    await expectIntact(store)
    expect(await readdir(directory)).toEqual(['keys.civitas'])
  })

  it('error: a failed write is ERR_KEY_STORE_IO, changes nothing, and the store stays usable', async () => {
    const store = await fixture()
    const opened = await open(store.path)
    // Make the rename over the store file fail: put a non-empty directory in its place.
    await rename(store.path, `${store.path}.aside`)
    await mkdir(join(store.path, 'blocker'), { recursive: true })
    await expect(opened.createKey({ alg: 'EdDSA', id: 'lost' })).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_IO',
    })
    expect(await opened.getKey('lost')).toBeUndefined()
    await rm(store.path, { recursive: true })
    await rename(`${store.path}.aside`, store.path)
    expect((await readdir(join(store.path, '..'))).sort()).toEqual(['keys.civitas', 'keys.civitas.lock'])
    const kept = await opened.createKey({ alg: 'EdDSA', id: 'kept' })
    await opened.close()
    const reopened = await open(store.path)
    expect(await reopened.listKeys()).toEqual([...store.keys, kept])
    await reopened.close()
  })

  it('error: a write while the directory is gone is ERR_KEY_STORE_IO (not LOCKED); once it is back the store writes again', async () => {
    const store = await fixture()
    const directory = join(store.path, '..')
    const opened = await open(store.path)
    await rename(directory, `${directory}-away`)
    try {
      await expect(opened.createKey({ alg: 'EdDSA', id: 'lost' })).rejects.toMatchObject({
        code: 'ERR_KEY_STORE_IO',
      })
    } finally {
      await rename(`${directory}-away`, directory)
    }
    expect(await opened.getKey('lost')).toBeUndefined()
    const kept = await opened.createKey({ alg: 'EdDSA', id: 'kept' })
    await opened.close()
    const reopened = await open(store.path)
    expect(await reopened.listKeys()).toEqual([...store.keys, kept])
    await reopened.close()
  })

  it('error: a lock removed by hand makes the next write ERR_KEY_STORE_LOCKED without touching the file', async () => {
    const store = await fixture()
    const opened = await open(store.path)
    await rm(`${store.path}.lock`)
    await expect(opened.createKey({ alg: 'ES256' })).rejects.toMatchObject({ code: 'ERR_KEY_STORE_LOCKED' })
    await opened.close()
    await expectIntact(store)
  })

  it('error: a well-sealed file whose key list is invalid is ERR_KEY_STORE_CORRUPT', async () => {
    const store = await fixture()
    const opened = await open(store.path)
    const [first] = await opened.listKeys()
    const record = { ...first, privateJwk: await opened.exportPrivateKey(first?.id ?? '') } as KeyRecord
    await opened.close()
    const { kdf: fileKdf } = decodeKeyStoreFile(store.bytes)
    const key = await deriveKeyStoreKey(new TextEncoder().encode(passphrase), fileKdf.salt, fileKdf.params)
    const badLists: KeyRecord[][] = [
      [record, record],
      [{ ...record, alg: record.alg === 'EdDSA' ? 'ES256' : 'EdDSA' }],
      [{ ...record, privateJwk: { ...record.privateJwk, d: 'AAAA' } }],
      [{ ...record, id: '' }],
    ]
    for (const records of badLists) {
      await writeFile(store.path, encodeKeyStoreFile(key, fileKdf, records))
      await expect(open(store.path)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
    }
    await writeFile(store.path, store.bytes)
    await expectIntact(store)
  })

  it('behavior: a store file readable by others is rewritten with mode 0600 on the next change', async () => {
    if (process.platform === 'win32') return
    const store = await fixture()
    await chmod(store.path, 0o644)
    const opened = await open(store.path)
    await opened.createKey({ alg: 'EdDSA' })
    await opened.close()
    expect((await stat(store.path)).mode & 0o777).toBe(0o600)
  })
})
