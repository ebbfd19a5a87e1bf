import { fixedClock, type JsonObject, type JsonValue } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { issueStatusListToken } from '../issueStatusListToken.js'
import { toCachedList } from './cachedList.js'
import { checkTokenStatusClaim } from './checkTokenStatusClaim.js'
import type { ListKind, ListLookup } from './listKind.js'

const verification = {
  resolver: createResolver(),
  clock: fixedClock(Date.parse('2026-11-23T09:00:00Z')),
  maxLength: 1_048_576,
}
const uri = 'https://clinic.example/status/7'

/** A clinic's token list (entry 3 revoked, 4 suspended) and a lookup that verifies it per kind. */
async function setting() {
  const clinic = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
  const list = createTokenStatusList({ bits: 2 })
  list.set(3, 1)
  list.set(4, 2)
  const { token } = await issueStatusListToken({ issuer: clinic, uri, list, clock: verification.clock })
  const kinds: ListKind[] = []
  const lookup: ListLookup = async (kind) => {
    kinds.push(kind)
    return toCachedList(await kind.verify(token), { fetchedAt: 0, expiresAt: 1, validUntil: 1 })
  }
  const card = (status?: JsonValue): { issuer: string; credential: JsonObject } => ({
    issuer: clinic.did,
    credential: status === undefined ? {} : { status },
  })
  return { clinic, lookup, kinds, card }
}

describe('checkTokenStatusClaim', () => {
  it('behavior: a credential without a status claim has no entry and fetches nothing', async () => {
    const { lookup, kinds, card } = await setting()
    expect(await checkTokenStatusClaim(card(), lookup, verification)).toEqual([])
    expect(kinds).toEqual([])
  })

  it("behavior: a VALID entry passes, read from the list at the claim's uri for the credential's issuer", async () => {
    const { lookup, kinds, card, clinic } = await setting()
    const results = await checkTokenStatusClaim(card({ status_list: { idx: 2, uri } }), lookup, verification)
    expect(results).toEqual([{ ok: true, purpose: 'revocation', index: 2, status: 0 }])
    expect(kinds[0]?.key).toContain(clinic.did)
  })

  it('behavior: a list let pass unreachable gives no entry', async () => {
    const { card } = await setting()
    const unreachable: ListLookup = async () => undefined
    expect(
      await checkTokenStatusClaim(card({ status_list: { idx: 3, uri } }), unreachable, verification),
    ).toEqual([])
  })

  it.each([
    [3, 'ERR_CREDENTIAL_REVOKED'],
    [4, 'ERR_CREDENTIAL_SUSPENDED'],
  ])('error: entry %i is refused with %s', async (idx, code) => {
    const { lookup, card } = await setting()
    await expect(
      checkTokenStatusClaim(card({ status_list: { idx, uri } }), lookup, verification),
    ).rejects.toMatchObject({
      code,
    })
  })

  it.each([
    ['a status without status_list', { other: {} }],
    ['a negative idx', { status_list: { idx: -1, uri } }],
    ['an empty uri', { status_list: { idx: 1, uri: '' } }],
  ])('error: %s is ERR_CREDENTIAL_INVALID', async (_, status) => {
    const { lookup, card } = await setting()
    await expect(checkTokenStatusClaim(card(status), lookup, verification)).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_INVALID',
    })
  })
})
