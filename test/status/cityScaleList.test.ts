import { issueCredential } from '@civitas/credentials'
import {
  createStatusChecker,
  createStatusList,
  createStatusListCredential,
  createTokenStatusList,
  issueStatusListToken,
} from '@civitas/status-list'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { startStatusServer } from '../support/statusServer.js'

/** A city of ten million residents in one list, one in a hundred entries set. */
const LENGTH = 10_000_000
const SET = 100_000
const REVOKED = 9_876_543
const LOOPBACK = { allowHttp: true, allowHosts: ['127.0.0.1'] }
const clock = () => NOW

/** Entries spread over the whole list by a fixed generator, so the list compresses as a real one would. */
function* spreadIndexes(): Generator<number> {
  let state = 0x2545f491
  for (let count = 0; count < SET; count++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    yield state % LENGTH
  }
}

describe('status lists of a city of ten million over loopback HTTP', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(() => server.close())

  it('behavior: a 10,000,000-entry Bitstring Status List with 1 % set, a list credential past the 256 KiB credential cap, is fetched, decoded and read within the default 1 MiB response cap', async () => {
    const { city, resolver } = await createParties()
    const list = createStatusList({ length: LENGTH })
    for (const index of spreadIndexes()) list.set(index, 1)
    list.set(REVOKED, 1)
    const url = `${server.origin}/city-list`
    const { token } = await issueCredential({
      issuer: city,
      credential: await createStatusListCredential({
        id: url,
        issuer: city.did,
        statusPurpose: 'revocation',
        list,
      }),
      validFor: YEAR,
      clock,
    })
    expect(token.length).toBeGreaterThan(262_144)
    expect(token.length).toBeLessThan(1_048_576)
    server.serve(async () => new Response(token, { headers: { 'content-type': 'application/vc+jwt' } }))
    const entry = (index: number) => ({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: url,
    })
    const checker = createStatusChecker({ resolver, clock, ...LOOPBACK })
    const subject = residencyCard(city.did)
    const check = (index: number) =>
      checker.check({ issuer: city.did, credential: { ...subject, credentialStatus: entry(index) } })
    await expect(check(REVOKED)).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_REVOKED' })
    expect((await check(LENGTH - 1)).entries).toMatchObject([{ ok: true, status: 0, index: LENGTH - 1 }])
    const small = createStatusChecker({ resolver, clock, ...LOOPBACK, maxBytes: 262_144 })
    await expect(
      small.check({ issuer: city.did, credential: { ...subject, credentialStatus: entry(REVOKED) } }),
    ).rejects.toMatchObject({ code: 'ERR_STATUS_LIST_INVALID' })
  })

  it('behavior: a 10,000,000-entry Token Status List (2 bits) with 1 % set is fetched, decoded and read', async () => {
    const { city, resolver } = await createParties()
    const list = createTokenStatusList({ length: LENGTH, bits: 2 })
    for (const index of spreadIndexes()) list.set(index, 2)
    list.set(REVOKED, 1)
    const uri = `${server.origin}/city-token-list`
    const { token } = await issueStatusListToken({ issuer: city, uri, list, clock })
    server.serve(
      async () => new Response(token, { headers: { 'content-type': 'application/statuslist+jwt' } }),
    )
    const checker = createStatusChecker({ resolver, clock, ...LOOPBACK })
    const check = (idx: number) =>
      checker.check({
        issuer: city.did,
        credential: { vct: 'urn:civitas:vct:resident:1', status: { status_list: { idx, uri } } },
        format: 'dc+sd-jwt',
      })
    await expect(check(REVOKED)).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_REVOKED' })
    expect((await check(LENGTH - 1)).entries).toMatchObject([{ ok: true, status: 0, index: LENGTH - 1 }])
  })
})
