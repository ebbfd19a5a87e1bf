import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryStatusRegistry, createStatusChecker } from '@civitas/status-list'
import { describe, expect, it } from 'vitest'
import { sampleClock } from '../../../../test/support/formatSamples.js'
import { createParties, residencyCard, YEAR } from '../../../../test/support/parties.js'
import { checkStatusNote } from './checkStatusNote.js'

async function credentialWithList(listUrl: string | undefined) {
  const { city, citizen, resolver } = await createParties()
  const { token } = await issueCredential({
    issuer: city,
    credential: residencyCard(citizen.did),
    clock: sampleClock,
    validFor: YEAR,
    ...(listUrl === undefined
      ? {}
      : { status: { registry: createMemoryStatusRegistry(), listUrl: () => listUrl } }),
  })
  return { resolver, credential: await verifyCredential(token, { resolver, clock: sampleClock }) }
}

describe('checkStatusNote', () => {
  it('behavior: a credential naming no status list passes without a note', async () => {
    const { resolver, credential } = await credentialWithList(undefined)
    const status = createStatusChecker({ resolver, clock: sampleClock })
    expect(await checkStatusNote(credential, {}, status)).toBeUndefined()
  })

  it('behavior: an unreachable list accepted by policy passes with a note naming it', async () => {
    // Nothing listens on loopback port 9: a genuine outage, not a refusal.
    const listUrl = 'http://127.0.0.1:9/lists/1'
    const { resolver, credential } = await credentialWithList(listUrl)
    const status = createStatusChecker({
      resolver,
      clock: sampleClock,
      onUnavailable: 'accept',
      allowHttp: true,
      allowHosts: ['127.0.0.1'],
      timeoutMs: 2_000,
    })
    expect(await checkStatusNote(credential, {}, status)).toBe(
      `status list unreachable, accepted by policy: ${listUrl}`,
    )
  })

  it('error: an unreachable list fails the check with its code when policy does not accept it', async () => {
    const { resolver, credential } = await credentialWithList('http://127.0.0.1:9/lists/1')
    const status = createStatusChecker({
      resolver,
      clock: sampleClock,
      allowHttp: true,
      allowHosts: ['127.0.0.1'],
      timeoutMs: 2_000,
    })
    await expect(checkStatusNote(credential, { statusMaxAgeMs: 0 }, status)).rejects.toMatchObject({
      code: expect.stringMatching(/^ERR_STATUS_/),
    })
  })
})
