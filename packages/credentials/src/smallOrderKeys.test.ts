import { fixedClock, type JsonObject } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { opensslAcceptsJws, SMALL_ORDER_KEYS } from '../../../test/support/smallOrderEd25519.js'
import { bindSmallOrderSdJwt, forgeSmallOrderCredentials } from '../../../test/support/smallOrderTokens.js'
import { issueCredential } from './issueCredential.js'
import { verifyCredential } from './verifyCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const AUDIENCE = 'https://clinic.example'
const NONCE = 'n-7f3k2Lq9vX0aPz'

async function setting() {
  const parties = await createParties('EdDSA', 'ES256')
  const card = residencyCard(parties.citizen.did)
  const { token } = await issueCredential({ issuer: parties.city, credential: card, clock, validFor: YEAR })
  const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as JsonObject
  const sdJwt = await issueCredential({
    issuer: parties.city,
    format: 'dc+sd-jwt',
    credential: { vct: 'urn:civitas:vct:test:1', sub: parties.citizen.did, given_name: 'Mari' },
    disclosable: ['given_name'],
    clock,
    validFor: YEAR,
  })
  return { ...parties, claims, sdJwt: sdJwt.token }
}

// Every encoding of an Ed25519 point of small order (table and source: test/support/smallOrderEd25519.ts).
describe.each(SMALL_ORDER_KEYS)('Ed25519 key of small order: $name', (key) => {
  const { bytes, jwk, dids } = key
  it('error: a credential forged with S = 0 under its did:key or did:jwk is ERR_DID_INVALID (invalidPublicKey)', async () => {
    const { claims, resolver } = await setting()
    for (const { token: forged } of forgeSmallOrderCredentials(key, claims)) {
      expect(opensslAcceptsJws(forged, bytes)).toBe(true)
      await expect(verifyCredential(forged, { resolver, clock })).rejects.toMatchObject({
        code: 'ERR_DID_INVALID',
        details: { error: 'invalidPublicKey' },
      })
    }
  })

  it('error: an SD-JWT VC bound to it as cnf.jwk, with a forged key binding, is ERR_JWK_INVALID', async () => {
    const { sdJwt, city, resolver } = await setting()
    const { presented, keyBinding } = await bindSmallOrderSdJwt(key, {
      sdJwt,
      issuer: city.signer,
      audience: AUDIENCE,
      nonce: NONCE,
      iat: Math.floor(NOW / 1000),
    })
    expect(opensslAcceptsJws(keyBinding, bytes)).toBe(true)
    await expect(
      verifyPresentation(`${presented}${keyBinding}`, { resolver, audience: AUDIENCE, nonce: NONCE, clock }),
    ).rejects.toMatchObject({ code: 'ERR_JWK_INVALID' })
    await expect(verifyCredential(presented, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_JWK_INVALID',
    })
  })

  it('error: issueCredential refuses to bind it as the holder key, as a JWK or as a DID', async () => {
    const { city } = await setting()
    const issue = (holder: string | JsonObject) =>
      issueCredential({
        issuer: city,
        format: 'dc+sd-jwt',
        credential: { vct: 'urn:civitas:vct:test:1', given_name: 'Mari' },
        holder: holder as never,
        clock,
        validFor: YEAR,
      })
    await expect(issue(jwk)).rejects.toMatchObject({ code: 'ERR_JWK_INVALID' })
    for (const { did } of dids) {
      await expect(issue(did)).rejects.toMatchObject({ code: 'ERR_DID_INVALID' })
    }
  })
})
