import { fixedClock, isCivitasError } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createStatusList } from '../createStatusList.js'
import { createStatusListCredential } from '../createStatusListCredential.js'
import { verifyW3cList } from './verifyW3cList.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const resolver = createResolver()
const url = 'https://city.example/status/1'

async function signedList() {
  const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
  const credential = await createStatusListCredential({
    id: url,
    issuer: city.did,
    statusPurpose: 'revocation',
    list: createStatusList(),
    ttlMs: 30_000,
  })
  return (await issueCredential({ issuer: city, credential, validFor: 3_600_000, clock })).token
}

describe('verifyW3cList', () => {
  it('behavior: a signed list gives its credential, its validUntil and its ttl', async () => {
    const verified = await verifyW3cList(await signedList(), url, { resolver, clock, maxLength: 1_048_576 })
    expect(verified.credential?.id).toBe(url)
    expect(verified.ttlMs).toBe(30_000)
    expect(verified.validUntil).toBe(NOW + 3_600_000)
  })

  it('error: a tampered list is ERR_STATUS_LIST_INVALID with the reason and the source', async () => {
    const token = await signedList()
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`
    const error = await verifyW3cList(tampered, 'bundled #0', {
      resolver,
      clock,
      maxLength: 1_048_576,
    }).catch((e: unknown) => e)
    expect(isCivitasError(error) && error.code).toBe('ERR_STATUS_LIST_INVALID')
    expect(isCivitasError(error) && error.details).toMatchObject({ statusListCredential: 'bundled #0' })
    expect(isCivitasError(error) && typeof error.details.reason).toBe('string')
  })

  it('error: a list longer than maxLength is ERR_STATUS_LIST_INVALID', async () => {
    const token = await signedList()
    await expect(
      verifyW3cList(token, url, { resolver, clock, maxLength: token.length - 1 }),
    ).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    })
  })

  it('error: an expired list is ERR_STATUS_LIST_INVALID', async () => {
    const token = await signedList()
    const later = fixedClock(NOW + 2 * 3_600_000)
    await expect(
      verifyW3cList(token, url, { resolver, clock: later, maxLength: 1_048_576 }),
    ).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    })
  })
})
