import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeListener } from '@civitas/core/node'
import { describe, expect, it } from 'vitest'
import { checkStatus } from './checkStatus.js'
import { createMemoryStatusRegistry } from './createMemoryStatusRegistry.js'
import { createStatusList } from './createStatusList.js'
import { createStatusListCredential } from './createStatusListCredential.js'
import { createStatusListHandler } from './createStatusListHandler.js'

type Json = Record<string, unknown>
const vectors = JSON.parse(
  readFileSync(
    new URL('../../../test/vectors/status-list/w3c-bitstring-status-list.json', import.meta.url),
    'utf8',
  ),
) as {
  statusListCredentials: { id: string; credential?: Json }[]
  credentialsWithStatusEntries: { id: string; credential: Json }[]
}
const specList = vectors.statusListCredentials.find(
  (v) => v.id === 'spec-example-bitstring-status-list-credential',
)?.credential as Json
const id = 'https://city.example/status/1'
const issuer = 'did:web:city.example'
const entry = (index: number, statusPurpose = 'revocation') => ({
  id: `${id}#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose,
  statusListIndex: String(index),
  statusListCredential: id,
})
async function listCredential(
  statusPurpose: 'revocation' | 'suspension' | 'message',
  set: number[] = [],
  size: 1 | 2 = 1,
) {
  const list = createStatusList({ statusSize: size })
  for (const index of set) list.set(index, 1)
  return createStatusListCredential({ id, issuer, statusPurpose, list })
}

describe('checkStatus', () => {
  // ../shared/vectors/status-list/w3c-bitstring-status-list.json: spec revocation entries against the spec's empty list
  for (const vector of vectors.credentialsWithStatusEntries) {
    const status = vector.credential.credentialStatus
    const entries = (Array.isArray(status) ? status : [status]) as Json[]
    for (const e of entries.filter(
      (x) => x.statusListCredential === specList.id && x.statusPurpose === 'revocation',
    )) {
      it(`vector: ${vector.id} entry ${String(e.statusListIndex)} is valid in the spec list`, () => {
        const result = checkStatus({ entry: e, listCredential: specList, issuer: 'did:example:12345' })
        expect(result).toMatchObject({
          ok: true,
          status: 0,
          purpose: 'revocation',
          index: Number(e.statusListIndex),
        })
      })
    }
  }

  it('behavior: a revoked entry reports ERR_CREDENTIAL_REVOKED, its neighbours stay valid', async () => {
    const credential = await listCredential('revocation', [94567])
    expect(checkStatus({ entry: entry(94567), listCredential: credential, issuer })).toMatchObject({
      ok: false,
      code: 'ERR_CREDENTIAL_REVOKED',
      status: 1,
    })
    expect(checkStatus({ entry: entry(94566), listCredential: credential, issuer }).ok).toBe(true)
  })

  it('behavior: a suspended entry reports ERR_CREDENTIAL_SUSPENDED', async () => {
    const credential = await listCredential('suspension', [7])
    expect(checkStatus({ entry: entry(7, 'suspension'), listCredential: credential })).toMatchObject({
      ok: false,
      code: 'ERR_CREDENTIAL_SUSPENDED',
    })
  })

  it('behavior: message lists return the matching statusMessage', async () => {
    const credential = await listCredential('message', [3], 2)
    const message = {
      ...entry(3, 'message'),
      statusSize: 2,
      statusMessage: [
        { status: '0x0', message: 'pending' },
        { status: '0x1', message: 'accepted' },
      ],
    }
    expect(checkStatus({ entry: message, listCredential: credential })).toMatchObject({
      ok: true,
      status: 1,
      message: 'accepted',
    })
  })

  it('error: a list served with the wrong purpose is refused with ERR_STATUS_LIST_INVALID', async () => {
    const credential = await listCredential('suspension')
    expect(() => checkStatus({ entry: entry(1), listCredential: credential })).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
    )
  })

  it('error: a list from another issuer is refused with ERR_ISSUER_MISMATCH', async () => {
    const credential = await listCredential('revocation')
    expect(() =>
      checkStatus({ entry: entry(1), listCredential: credential, issuer: 'did:web:evil.example' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_ISSUER_MISMATCH' }))
  })

  it('error: an index outside the list is refused with ERR_STATUS_INDEX_OUT_OF_RANGE', async () => {
    const credential = await listCredential('revocation')
    expect(() => checkStatus({ entry: entry(131_072), listCredential: credential })).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }),
    )
  })

  it('error: another list, or a malformed list credential, is refused with ERR_STATUS_LIST_INVALID', async () => {
    const credential = await listCredential('revocation')
    const subject = credential.credentialSubject as Json
    for (const bad of [
      { ...credential, id: 'https://city.example/status/2' },
      { ...credential, type: ['VerifiableCredential'] },
      { ...credential, credentialSubject: { ...subject, type: 'StatusList2021' } },
      { ...credential, credentialSubject: { ...subject, encodedList: 42 } },
      { ...credential, credentialSubject: { ...subject, encodedList: 'uAAAA' } },
      null,
      'a string',
    ]) {
      expect(() => checkStatus({ entry: entry(1), listCredential: bad })).toThrow(
        expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
      )
    }
  })

  it('error: malformed entries are refused with ERR_CREDENTIAL_INVALID', async () => {
    const credential = await listCredential('revocation')
    for (const bad of [
      null,
      { ...entry(1), type: 'StatusList2021Entry' },
      { ...entry(1), statusPurpose: 'deletion' },
      { ...entry(1), statusListIndex: 1 },
      { ...entry(1), statusListIndex: '01' },
      { ...entry(1), statusListIndex: '-1' },
      { ...entry(1), statusListCredential: '' },
      { ...entry(1), statusSize: 3 },
    ]) {
      expect(() => checkStatus({ entry: bad, listCredential: credential })).toThrow(
        expect.objectContaining({ code: 'ERR_CREDENTIAL_INVALID' }),
      )
    }
  })
})

describe('createStatusListCredential', () => {
  it('behavior: builds a VC 2.0 BitstringStatusListCredential with ttl and validity', async () => {
    const credential = await createStatusListCredential({
      id,
      issuer,
      statusPurpose: 'revocation',
      list: createStatusList(),
      validFrom: '2026-01-01T00:00:00Z',
      ttlMs: 300_000,
    })
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        id: `${id}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        ttl: 300_000,
      },
    })
  })

  it('error: bad options are refused with ERR_INVALID_ARGUMENT', async () => {
    const list = createStatusList()
    for (const bad of [
      { id: '', issuer, statusPurpose: 'revocation', list },
      { id, issuer: 1, statusPurpose: 'revocation', list },
      { id, issuer, statusPurpose: 'deletion', list },
      { id, issuer, statusPurpose: 'revocation', list: 'H4sI' },
      { id, issuer, statusPurpose: 'revocation', list, ttlMs: -1 },
    ]) {
      await expect(createStatusListCredential(bad as never)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      })
    }
  })
})

describe('registry → handler → checkStatus over loopback HTTP', () => {
  it('behavior: revoke, suspend and reinstate are seen by a verifier fetching the list', async () => {
    const registry = createMemoryStatusRegistry()
    const server = createServer(
      createNodeListener(
        createStatusListHandler({
          getList: async (listId) => {
            const snapshot = await registry.getList(listId)
            if (snapshot === undefined) return undefined
            const list = createStatusList({ length: snapshot.length })
            for (const { index, value } of snapshot.entries) list.set(index, value)
            const credential = await createStatusListCredential({
              id: `${base}/${listId}`,
              issuer,
              statusPurpose: snapshot.purpose,
              list,
            })
            return { credential, updatedAt: snapshot.updatedAt }
          },
        }),
      ),
    )
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`
    try {
      const revocation = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:card' })
      const suspension = await registry.allocate({ purpose: 'suspension', credentialId: 'urn:uuid:card#s' })
      const check = async (allocation: typeof revocation) => {
        const statusListCredential = `${base}/${allocation.listId}`
        const listCredential = await (await fetch(statusListCredential)).json()
        const e = {
          type: 'BitstringStatusListEntry',
          statusPurpose: allocation.purpose,
          statusListIndex: String(allocation.index),
          statusListCredential,
        }
        return checkStatus({ entry: e, listCredential, issuer })
      }
      expect((await check(revocation)).ok).toBe(true)
      await registry.setStatus({ credentialId: 'urn:uuid:card#s' }, { value: 1, actor: 'clerk' })
      expect(await check(suspension)).toMatchObject({ ok: false, code: 'ERR_CREDENTIAL_SUSPENDED' })
      await registry.setStatus(
        { credentialId: 'urn:uuid:card#s' },
        { value: 0, actor: 'clerk', reason: 'reinstated' },
      )
      expect((await check(suspension)).ok).toBe(true)
      await registry.setStatus(
        { credentialId: 'urn:uuid:card' },
        { value: 1, actor: 'clerk', reason: 'moved away' },
      )
      expect(await check(revocation)).toMatchObject({ ok: false, code: 'ERR_CREDENTIAL_REVOKED' })
      expect((await registry.audit()).map((r) => r.value)).toEqual([1, 0, 1])
      expect((await fetch(`${base}/unknown-list`)).status).toBe(404)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
