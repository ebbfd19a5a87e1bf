import { fixedClock } from '@civitas/core'
import { verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import { decodeStatusList } from '../decodeStatusList.js'
import { verifyStatusListToken } from '../verifyStatusListToken.js'
import { signStatusList } from './signStatusList.js'

const clock = fixedClock(Date.parse('2026-11-23T09:00:00Z'))
const resolver = createResolver()
const url = 'https://city.example/status/1'

async function setting(statusSize?: 2) {
  const issuer = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
  const registry = createMemoryStatusRegistry({ clock })
  const { listId } = await registry.allocate({
    purpose: 'revocation',
    credentialId: 'card-1',
    ...(statusSize ? { statusSize } : {}),
  })
  await registry.setStatus(
    { credentialId: 'card-1', purpose: 'revocation' },
    { value: statusSize ? 2 : 1, actor: 'clerk' },
  )
  const snapshot = await registry.getList(listId)
  if (snapshot === undefined) throw new Error('the list was just allocated')
  const index = snapshot.entries[0]?.index ?? -1
  return { issuer, snapshot, index, signing: { issuer, url, ttlMs: 60_000, validForMs: 3_600_000, clock } }
}

describe('signStatusList', () => {
  it.each(['vc+jwt', 'jwt_vc_json'] as const)(
    'behavior: %s lists are signed W3C credentials of the snapshot',
    async (format) => {
      const { snapshot, index, signing } = await setting()
      const token = await signStatusList(snapshot, { ...signing, format })
      const verified = await verifyCredential(token, { resolver, clock })
      expect(verified.format).toBe(format)
      expect(verified.credential.id).toBe(url)
      const subject = verified.credential.credentialSubject as { encodedList: string; ttl: number }
      expect(subject.ttl).toBe(60_000)
      expect(decodeStatusList(subject.encodedList).get(index)).toBe(1)
    },
  )

  it('behavior: statuslist+jwt lists are status list tokens for the URL', async () => {
    const { issuer, snapshot, index, signing } = await setting(2)
    const token = await signStatusList(snapshot, { ...signing, format: 'statuslist+jwt' })
    const verified = await verifyStatusListToken(token, { resolver, uri: url, issuer: issuer.did, clock })
    expect(verified.list.get(index)).toBe(2)
    expect(verified.ttlMs).toBe(60_000)
  })
})
