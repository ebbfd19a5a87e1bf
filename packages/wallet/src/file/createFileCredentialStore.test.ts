import { mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeCredentialStoreConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import type { CredentialRecord } from '../types.js'
import { createFileCredentialStore, type FileCredentialStore } from './createFileCredentialStore.js'

const freshPath = async () => join(await mkdtemp(join(tmpdir(), 'civitas-wallet-')), 'credentials.json')

describeCredentialStoreConformance(
  'file credential store',
  async () => createFileCredentialStore({ path: await freshPath() }),
  {
    dispose: (store) => (store as FileCredentialStore).close(),
    reopen: async (store) => {
      await (store as FileCredentialStore).close()
      return createFileCredentialStore({ path: (store as FileCredentialStore).path })
    },
  },
)

const record: CredentialRecord = {
  id: 'urn:uuid:1',
  token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln',
  format: 'vc+jwt',
  types: ['VerifiableCredential', 'ResidencyCard'],
  issuer: 'did:example:tartu',
  receivedAt: 1,
}

/** Opens the store at `path`, puts the records, closes it. */
async function putAll(path: string, ...records: CredentialRecord[]): Promise<void> {
  const store = await createFileCredentialStore({ path })
  for (const each of records) await store.put(each)
  await store.close()
}

/** The records a fresh store on `path` lists (the store closed again). */
async function listed(path: string): Promise<CredentialRecord[]> {
  const store = await createFileCredentialStore({ path })
  try {
    return await store.list()
  } finally {
    await store.close()
  }
}

describe('createFileCredentialStore crash safety', () => {
  it('behavior: the file is written with mode 0600 and no temporary or lock file is left', async () => {
    const path = await freshPath()
    await putAll(path, record)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readdir(join(path, '..'))).toEqual(['credentials.json'])
  })

  it('behavior: a temporary file left by a crash is removed and the last complete file is kept', async () => {
    const path = await freshPath()
    await putAll(path, record)
    await writeFile(`${path}.0123456789ab.tmp`, '{"version":2,"records":[{"id":"half')
    expect(await listed(path)).toEqual([record])
    expect(await readdir(join(path, '..'))).toEqual(['credentials.json'])
  })

  for (const [name, corrupt] of [
    ['truncated', (text: string) => text.slice(0, text.length - 7)],
    ['not JSON', () => 'not json at all'],
    ['duplicate members', (text: string) => text.replace('"records":[{"id"', '"records":[{"id":"x","id"')],
    [
      'a version 1 header on version 2 contents',
      (text: string) => text.replace('"version":2', '"version":1'),
    ],
    ['a checksum-less version 2', () => '{"version":2,"records":[]}'],
    ['an unknown version', () => '{"version":3,"records":[]}'],
    ['a version 1 file with a malformed record', () => '{"version":1,"records":[{"id":1}]}'],
  ] as const) {
    it(`error: a ${name} file is ERR_CREDENTIAL_STORE, never an empty store`, async () => {
      const path = await freshPath()
      await putAll(path, record)
      await writeFile(path, corrupt(await readFile(path, 'utf8')))
      await expect(createFileCredentialStore({ path })).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_STORE',
      })
    })
  }

  it('behavior: a version 1 file (no checksum) opens and is rewritten with one', async () => {
    const path = await freshPath()
    await writeFile(path, JSON.stringify({ version: 1, records: [record] }))
    expect(await listed(path)).toEqual([record])
    expect(await readFile(path, 'utf8')).toMatch(/^\{"version":2,"sha256":"[A-Za-z0-9_-]{43}","records":\[/)
    expect(await listed(path)).toEqual([record])
  })

  it('error: a file over the size limit is ERR_CREDENTIAL_STORE', async () => {
    const path = await freshPath()
    await writeFile(path, ' '.repeat(2048))
    await expect(createFileCredentialStore({ path, maxBytes: 1024 })).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_STORE',
    })
  })

  it('behavior: concurrent writes in one process are serialized and all land', async () => {
    const path = await freshPath()
    const store = await createFileCredentialStore({ path })
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.put({ ...record, id: `urn:uuid:${index}` })),
    )
    await store.close()
    expect(await listed(path)).toHaveLength(20)
  })

  it('behavior: close waits for pending writes; later calls are ERR_CREDENTIAL_STORE; closing twice is harmless', async () => {
    const path = await freshPath()
    const store = await createFileCredentialStore({ path })
    const pending = store.put(record)
    await store.close()
    await pending
    await store.close()
    for (const call of [
      () => store.put(record),
      () => store.get(record.id),
      () => store.list(),
      () => store.delete(record.id),
    ])
      await expect(call()).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_STORE',
        details: { reason: 'closed' },
      })
    expect(await listed(path)).toEqual([record])
  })
})

describe('createFileCredentialStore faults', () => {
  it('error: a write while the directory is gone is ERR_CREDENTIAL_STORE; the store keeps what the file holds and writes again once it is back', async () => {
    const path = await freshPath()
    const directory = join(path, '..')
    const store = await createFileCredentialStore({ path })
    await store.put(record)
    await rename(directory, `${directory}-away`)
    try {
      await expect(store.put({ ...record, id: 'urn:uuid:lost' })).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_STORE',
      })
      await expect(store.delete(record.id)).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_STORE' })
      expect(await store.list()).toEqual([record])
      expect(await store.get('urn:uuid:lost')).toBeUndefined()
    } finally {
      await rename(`${directory}-away`, directory)
    }
    const kept = { ...record, id: 'urn:uuid:kept' }
    await store.put(kept)
    expect(await store.list()).toEqual([record, kept])
    await store.close()
    expect(await listed(path)).toEqual([record, kept])
  })

  it('error: a second store on an open file is ERR_CREDENTIAL_STORE_LOCKED; the first keeps working', async () => {
    const path = await freshPath()
    const first = await createFileCredentialStore({ path })
    await expect(createFileCredentialStore({ path })).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_STORE_LOCKED',
      details: { pid: process.pid },
    })
    await first.put(record)
    await first.close()
    expect(await listed(path)).toEqual([record])
  })

  it('property: every single-bit flip of a stored file is refused with ERR_CREDENTIAL_STORE; no altered token is ever returned', async () => {
    const path = await freshPath()
    await putAll(path, record)
    const bytes = new Uint8Array(await readFile(path))
    let refused = 0
    for (let bit = 0; bit < bytes.length * 8; bit += 1) {
      const flipped = bytes.slice()
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      await writeFile(path, flipped)
      const outcome = await listed(path).then(
        (records) => records,
        (error: { code?: string }) => error.code,
      )
      expect(outcome, `bit ${bit}`).toBe('ERR_CREDENTIAL_STORE')
      refused += 1
    }
    expect(refused).toBe(bytes.length * 8)
    await writeFile(path, bytes)
    expect(await listed(path)).toEqual([record])
  }, 120_000)
})
