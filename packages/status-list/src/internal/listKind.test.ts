import { fixedClock } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { issueStatusListToken } from '../issueStatusListToken.js'
import { tokenListKind, w3cListKind } from './listKind.js'

const verification = {
  resolver: createResolver(),
  clock: fixedClock(Date.parse('2026-11-23T09:00:00Z')),
  maxLength: 1_048_576,
}
const url = 'https://city.example/status/1'

describe('list kinds', () => {
  it('behavior: a W3C list is cached under its URL and asked for as vc+jwt or jwt', () => {
    expect(w3cListKind(url, verification)).toMatchObject({
      key: url,
      url,
      accept: 'application/vc+jwt, application/jwt',
    })
  })

  it("behavior: a token list is cached per credential issuer, so one issuer's list never serves another's", () => {
    const a = tokenListKind(url, 'did:example:a', verification)
    const b = tokenListKind(url, 'did:example:b', verification)
    expect(a).toMatchObject({ url, accept: 'application/statuslist+jwt' })
    expect(a.key).not.toBe(b.key)
    expect(a.key).not.toBe(w3cListKind(url, verification).key)
  })

  it('error: a token kind verifies against its own issuer: the list of another is ERR_STATUS_LIST_INVALID', async () => {
    const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const list = createTokenStatusList({ bits: 2 })
    const { token } = await issueStatusListToken({ issuer: city, uri: url, list, clock: verification.clock })
    expect((await tokenListKind(url, city.did, verification).verify(token)).tokenList).toBeDefined()
    await expect(tokenListKind(url, 'did:example:b', verification).verify(token)).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    })
    await expect(w3cListKind(url, verification).verify(token)).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    })
  })
})
