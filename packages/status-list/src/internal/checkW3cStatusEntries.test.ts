import { fixedClock } from '@civitas/core'
import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import { createStatusListPublisher } from '../createStatusListPublisher.js'
import { toCachedList } from './cachedList.js'
import { checkW3cStatusEntries } from './checkW3cStatusEntries.js'
import type { ListLookup } from './listKind.js'

const clock = fixedClock(Date.parse('2026-11-23T09:00:00Z'))
const verification = { resolver: createResolver(), clock, maxLength: 1_048_576 }

/** A card with a revocation and a suspension entry, and a lookup that serves the signed lists. */
async function setting() {
  const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
  const registry = createMemoryStatusRegistry({ clock })
  const publisher = createStatusListPublisher({
    registry,
    issuer: city,
    baseUrl: 'https://city.example/status',
    purposes: ['revocation', 'suspension'],
    clock,
  })
  const card = await issueCredential({
    issuer: city,
    credential: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:card:1',
      type: ['VerifiableCredential'],
      credentialSubject: { id: city.did },
    },
    status: publisher,
    clock,
  })
  const asked: string[] = []
  const lookup: ListLookup = async (kind) => {
    asked.push(kind.url)
    const signed = await publisher.publish(decodeURIComponent(kind.url.split('/').pop() ?? ''))
    return toCachedList(await kind.verify(signed?.token ?? ''), { fetchedAt: 0, expiresAt: 1, validUntil: 1 })
  }
  const checked = await verifyCredential(card.token, { resolver: verification.resolver, clock })
  return { city, publisher, lookup, asked, checked }
}

describe('checkW3cStatusEntries', () => {
  it('behavior: every entry is checked against its list, in order', async () => {
    const { lookup, asked, checked } = await setting()
    const results = await checkW3cStatusEntries(checked, lookup, verification)
    expect(results.map((result) => [result.ok, result.purpose])).toEqual([
      [true, 'revocation'],
      [true, 'suspension'],
    ])
    expect(asked).toHaveLength(2)
  })

  it('behavior: no credentialStatus means no entries; an entry whose list is let pass gives none', async () => {
    const { city, checked } = await setting()
    const none = await checkW3cStatusEntries(
      { issuer: city.did, credential: {} },
      async () => undefined,
      verification,
    )
    expect(none).toEqual([])
    expect(await checkW3cStatusEntries(checked, async () => undefined, verification)).toEqual([])
  })

  it('error: a suspended credential is ERR_CREDENTIAL_SUSPENDED', async () => {
    const { publisher, lookup, checked } = await setting()
    await publisher.suspend('urn:card:1', { actor: 'clerk@city' })
    await expect(checkW3cStatusEntries(checked, lookup, verification)).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_SUSPENDED',
    })
  })

  it.each([
    ['a string', 'revoked'],
    ['an array with null', [null]],
    ['17 entries', Array.from({ length: 17 }, () => ({}))],
  ])('error: credentialStatus as %s is ERR_CREDENTIAL_INVALID', async (_, credentialStatus) => {
    const { city, lookup } = await setting()
    await expect(
      checkW3cStatusEntries({ issuer: city.did, credential: { credentialStatus } }, lookup, verification),
    ).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_INVALID' })
  })
})
