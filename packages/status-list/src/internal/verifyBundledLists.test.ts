import { fixedClock } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import { createStatusListPublisher } from '../createStatusListPublisher.js'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { issueStatusListToken } from '../issueStatusListToken.js'
import { tokenListKind, w3cListKind } from './listKind.js'
import { verifyBundledLists } from './verifyBundledLists.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const verification = { resolver: createResolver(), clock: fixedClock(NOW), maxLength: 1_048_576 }

async function bundle() {
  const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
  const registry = createMemoryStatusRegistry({ clock: verification.clock })
  const publisher = createStatusListPublisher({
    registry,
    issuer: city,
    baseUrl: 'https://city.example/status',
    validForMs: 3_600_000,
    clock: verification.clock,
  })
  const { listId } = await registry.allocate({ purpose: 'revocation', credentialId: 'card-1' })
  const w3c = (await publisher.publish(listId))?.token ?? ''
  const tokenUri = 'https://city.example/token-status/1'
  const list = createTokenStatusList({ bits: 2 })
  const { token } = await issueStatusListToken({
    issuer: city,
    uri: tokenUri,
    list,
    clock: verification.clock,
  })
  return { city, w3c, w3cUrl: publisher.listUrl(listId), token, tokenUri }
}

describe('verifyBundledLists', () => {
  it('behavior: lists are keyed as fetched ones are cached and valid until their own end', async () => {
    const { city, w3c, w3cUrl, token, tokenUri } = await bundle()
    const lists = await verifyBundledLists([w3c, token], verification)
    const w3cList = lists.get(w3cListKind(w3cUrl, verification).key)
    const tokenList = lists.get(tokenListKind(tokenUri, city.did, verification).key)
    expect(w3cList?.credential?.id).toBe(w3cUrl)
    expect(w3cList).toMatchObject({ fetchedAt: NOW, expiresAt: NOW + 3_600_000, validUntil: NOW + 3_600_000 })
    expect(tokenList?.tokenList).toBeDefined()
    expect(lists.size).toBe(2)
  })

  it('error: a bundled list that does not verify is ERR_STATUS_LIST_INVALID naming its place', async () => {
    const { w3c } = await bundle()
    const broken = `${w3c.split('.').slice(0, 2).join('.')}.AAAA`
    await expect(verifyBundledLists([w3c, broken], verification)).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
      details: { statusListCredential: 'bundled #1' },
    })
  })
})
