import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeCredentialStoreConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import type { CredentialRecord } from '../types.js'
import { createFileCredentialStore } from './createFileCredentialStore.js'

const paths = new WeakMap<object, string>()
const freshPath = async () => join(await mkdtemp(join(tmpdir(), 'civitas-wallet-')), 'credentials.json')

describeCredentialStoreConformance(
  'file credential store',
  async () => {
    const path = await freshPath()
    const store = await createFileCredentialStore({ path })
    paths.set(store, path)
    return store
  },
  { reopen: async (store) => createFileCredentialStore({ path: paths.get(store) as string }) },
)

const record: CredentialRecord = {
  id: 'urn:uuid:1',
  token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln',
  format: 'vc+jwt',
  types: ['VerifiableCredential', 'ResidencyCard'],
  issuer: 'did:example:tartu',
  receivedAt: 1,
}

describe('createFileCredentialStore crash safety', () => {
  it('behavior: the file is written with mode 0600 and no temporary file is left', async () => {
    const path = await freshPath()
    await (await createFileCredentialStore({ path })).put(record)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect((await readdir(join(path, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('behavior: a temporary file left by a crash is removed and the last complete file is kept', async () => {
    const path = await freshPath()
    await (await createFileCredentialStore({ path })).put(record)
    await writeFile(`${path}.0123456789ab.tmp`, '{"version":1,"records":[{"id":"half')
    const reopened = await createFileCredentialStore({ path })
    expect(await reopened.get(record.id)).toEqual(record)
    expect((await readdir(join(path, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  for (const [name, corrupt] of [
    ['truncated', (text: string) => text.slice(0, text.length - 7)],
    ['not JSON', () => 'not json at all'],
    ['duplicate members', (text: string) => text.replace('{"version":1', '{"version":1,"version":1')],
    ['an unknown format', () => '{"version":2,"records":[]}'],
    ['a malformed record', () => '{"version":1,"records":[{"id":1}]}'],
  ] as const) {
    it(`error: a ${name} file is ERR_CREDENTIAL_STORE, never an empty store`, async () => {
      const path = await freshPath()
      await (await createFileCredentialStore({ path })).put(record)
      await writeFile(path, corrupt(await readFile(path, 'utf8')))
      await expect(createFileCredentialStore({ path })).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_STORE',
      })
    })
  }

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
    expect(await (await createFileCredentialStore({ path })).list()).toHaveLength(20)
  })
})
