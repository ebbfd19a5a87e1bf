import { fixedClock } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { issueStatusListToken } from '../issueStatusListToken.js'
import { verifyTokenList } from './verifyTokenList.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const resolver = createResolver()
const uri = 'https://clinic.example/status/7'

async function signedToken() {
  const clinic = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
  const list = createTokenStatusList({ bits: 2 })
  list.set(12, 2)
  const { token } = await issueStatusListToken({
    issuer: clinic,
    uri,
    list,
    clock,
    ttlMs: 120_000,
    validForMs: 600_000,
  })
  return { clinic, token }
}

describe('verifyTokenList', () => {
  it('behavior: a token for the uri and issuer gives its list, its exp and its ttl', async () => {
    const { clinic, token } = await signedToken()
    const verified = await verifyTokenList(token, uri, clinic.did, { resolver, clock, maxLength: 1_048_576 })
    expect(verified.tokenList?.get(12)).toBe(2)
    expect(verified.ttlMs).toBe(120_000)
    expect(verified.validUntil).toBe(NOW + 600_000)
  })

  it.each([
    ['another uri', 'https://clinic.example/status/8', undefined, 1_048_576],
    ['another issuer', uri, 'did:example:other', 1_048_576],
    ['a token longer than maxLength', uri, undefined, 64],
  ])('error: %s is ERR_STATUS_LIST_INVALID', async (_, forUri, issuer, maxLength) => {
    const { clinic, token } = await signedToken()
    await expect(
      verifyTokenList(token, forUri, issuer ?? clinic.did, { resolver, clock, maxLength }),
    ).rejects.toMatchObject({ code: 'ERR_STATUS_LIST_INVALID' })
  })
})
