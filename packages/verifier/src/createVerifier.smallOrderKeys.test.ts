import { residencyCard } from '@civitas/cli/demo'
import { fixedClock, type JsonObject } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { opensslAcceptsJws, SMALL_ORDER_KEYS } from '../../../test/support/smallOrderEd25519.js'
import { bindSmallOrderSdJwt, forgeSmallOrderCredentials } from '../../../test/support/smallOrderTokens.js'
import { createVerifier } from './createVerifier.js'
import type { Report } from './types.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const audience = 'https://gate.example'
const nonce = 'n-small-order-01'
const VCT = 'urn:civitas:vct:test:1'

async function setting() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const card = residencyCard('did:example:resident')
  const { token } = await issueCredential({ issuer: city, credential: card, clock, validFor: 3600_000 })
  const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as JsonObject
  const sdJwt = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: { vct: VCT, given_name: 'Mari' },
    holder: (await createDidKey({ keyStore, alg: 'ES256' })).did,
    disclosable: ['given_name'],
    clock,
    validFor: 3600_000,
  })
  return { city, claims, sdJwt: sdJwt.token, resolver: createResolver() }
}

const failed = (report: Report) => report.checks.find((check) => check.status === 'failed')

// Every encoding of an Ed25519 point of small order (table and source: test/support/smallOrderEd25519.ts).
describe.each(SMALL_ORDER_KEYS)('check with an Ed25519 key of small order: $name', (key) => {
  const { bytes } = key
  it('error: a credential forged with S = 0 by a trusted did:key or did:jwk issuer fails with ERR_DID_INVALID', async () => {
    const { claims, resolver } = await setting()
    for (const { did, token: forged } of forgeSmallOrderCredentials(key, claims)) {
      expect(opensslAcceptsJws(forged, bytes)).toBe(true)
      const verifier = createVerifier({ resolver, clock, trust: { ResidencyCard: [did] } })
      const report = await verifier.check(forged)
      expect(report.ok).toBe(false)
      expect(failed(report)).toMatchObject({ code: 'ERR_DID_INVALID' })
    }
  })

  it('error: an SD-JWT VC whose cnf.jwk it is, with a forged key binding, fails with ERR_JWK_INVALID', async () => {
    const { city, sdJwt, resolver } = await setting()
    const { presented, keyBinding } = await bindSmallOrderSdJwt(key, {
      sdJwt,
      issuer: city.signer,
      audience,
      nonce,
      iat: Math.floor(NOW / 1000),
    })
    expect(opensslAcceptsJws(keyBinding, bytes)).toBe(true)
    const verifier = createVerifier({ resolver, clock, trust: { [VCT]: [city.did] } })
    const report = await verifier.check(`${presented}${keyBinding}`, { audience, nonce })
    expect(report.ok).toBe(false)
    expect(failed(report)).toMatchObject({ code: 'ERR_JWK_INVALID' })
  })
})
