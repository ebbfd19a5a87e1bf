import { encodeBase64url, encodeUtf8, fixedClock, type JsonObject } from '@civitas/core'
import { createMemoryKeyStore, createSigner, signJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { createPresentation } from './createPresentation.js'
import { issueCredential } from './issueCredential.js'
import { verifyCredential } from './verifyCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const b64 = (value: unknown) =>
  encodeBase64url(encodeUtf8(typeof value === 'string' ? value : JSON.stringify(value)))

async function setting() {
  const parties = await createParties('EdDSA', 'ES256')
  const card = residencyCard(parties.citizen.did)
  const { token } = await issueCredential({ issuer: parties.city, credential: card, clock, validFor: YEAR })
  const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as JsonObject
  const sign = (payload: JsonObject | Uint8Array, header: JsonObject = { typ: 'vc+jwt' }) =>
    signJws({ header, payload, signer: parties.city.signer })
  return { ...parties, token, claims, sign }
}

describe('verifyCredential refuses hostile credentials', () => {
  it('error: alg none is ERR_ALGORITHM_UNSUPPORTED', async () => {
    const { token, resolver, city } = await setting()
    const [, payload] = token.split('.')
    const none = `${b64({ alg: 'none', typ: 'vc+jwt', kid: city.kid })}.${payload}.`
    await expect(verifyCredential(none, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_UNSUPPORTED',
      details: { check: 'algorithm' },
    })
  })

  it('error: HS256 signed with the issuer public key as the secret is ERR_ALGORITHM_UNSUPPORTED', async () => {
    const { claims, resolver, city } = await setting()
    const secret = Buffer.from(city.did.slice(8))
    const forged = await new SignJWT(claims as never)
      .setProtectedHeader({ alg: 'HS256', typ: 'vc+jwt', kid: city.kid })
      .sign(secret)
    await expect(verifyCredential(forged, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_UNSUPPORTED',
    })
  })

  it('error: an ES256 header on an Ed25519 issuer key is ERR_ALGORITHM_MISMATCH', async () => {
    const { claims, resolver, city } = await setting()
    const keyStore = createMemoryKeyStore()
    const { id } = await keyStore.createKey({ alg: 'ES256' })
    const signer = { ...(await createSigner({ keyStore, keyId: id })), kid: city.kid }
    const forged = await signJws({ header: { typ: 'vc+jwt' }, payload: claims, signer })
    await expect(verifyCredential(forged, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_MISMATCH',
      details: { check: 'signature' },
    })
  })

  it("error: a kid naming another DID's key is ERR_ISSUER_MISMATCH", async () => {
    const { claims, resolver, citizen } = await setting()
    const forged = await signJws({ header: { typ: 'vc+jwt' }, payload: claims, signer: citizen.signer })
    await expect(verifyCredential(forged, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_ISSUER_MISMATCH',
      details: { check: 'issuer' },
    })
  })

  it('error: a key listed only under authentication cannot issue (ERR_VERIFICATION_RELATIONSHIP)', async () => {
    const keyStore = createMemoryKeyStore()
    const key = await keyStore.createKey({ alg: 'EdDSA' })
    const did = 'did:example:front-desk'
    const kid = `${did}#login`
    const document = {
      id: did,
      verificationMethod: [{ id: kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: key.publicJwk }],
      authentication: [kid],
    }
    const resolver = createResolver({
      resolvers: [
        {
          example: async () => ({
            didResolutionMetadata: {},
            didDocument: document,
            didDocumentMetadata: {},
          }),
        },
      ],
    })
    const { citizen } = await createParties()
    const signer = await createSigner({ keyStore, keyId: key.id, kid })
    const { token } = await issueCredential({
      issuer: { did, kid, signer },
      credential: residencyCard(citizen.did),
      clock,
    })
    await expect(verifyCredential(token, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_VERIFICATION_RELATIONSHIP',
    })
  })

  it('error: expired and not yet valid credentials fail the validity check', async () => {
    const { token, resolver } = await setting()
    await expect(
      verifyCredential(token, { resolver, clock: fixedClock(NOW + 2 * YEAR) }),
    ).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_EXPIRED',
      details: { check: 'validity' },
    })
    await expect(
      verifyCredential(token, { resolver, clock: fixedClock(NOW - 3600_000) }),
    ).rejects.toMatchObject({
      code: 'ERR_TOKEN_ISSUED_IN_FUTURE',
    })
    const { claims, sign } = await setting()
    const later = await sign({ ...claims, validFrom: new Date(NOW + 3600_000).toISOString() })
    await expect(verifyCredential(later, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_NOT_YET_VALID',
    })
  })

  it.each([
    ['a date without a time', '2026-01-01'],
    ['a time without an offset (read in the local time zone by Date.parse)', '2026-01-01T00:00:00'],
    ['30 February', '2026-02-30T00:00:00Z'],
  ])(
    'error: validFrom as %s is ERR_CREDENTIAL_INVALID, not a date Date.parse rolls into another',
    async (_, validFrom) => {
      const { claims, sign, resolver } = await setting()
      const token = await sign({ ...claims, validFrom })
      await expect(verifyCredential(token, { resolver, clock })).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_INVALID',
      })
    },
  )

  it.each([
    ['another context first', ['https://example.com/context', 'https://www.w3.org/ns/credentials/v2']],
    ['a string', 'https://www.w3.org/ns/credentials/v2'],
    ['the VC 1.1 context', ['https://www.w3.org/2018/credentials/v1']],
  ])('error: a vc+jwt whose @context is %s is ERR_CREDENTIAL_INVALID', async (_, context) => {
    const { claims, sign, resolver } = await setting()
    const token = await sign({ ...claims, '@context': context })
    await expect(verifyCredential(token, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_INVALID',
    })
  })

  it('behavior: the clock skew tolerates 60 s by default and is configurable', async () => {
    const { token, resolver } = await setting()
    await expect(
      verifyCredential(token, { resolver, clock: fixedClock(NOW - 30_000) }),
    ).resolves.toBeDefined()
    await expect(
      verifyCredential(token, { resolver, clock: fixedClock(NOW - 30_000), clockSkewMs: 0 }),
    ).rejects.toMatchObject({
      code: 'ERR_TOKEN_ISSUED_IN_FUTURE',
    })
    await expect(verifyCredential(token, { resolver, clockSkewMs: 301_000 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
  })

  it('error: duplicate JSON members are ERR_JSON_DUPLICATE_KEY', async () => {
    const { claims, sign, resolver } = await setting()
    const text = JSON.stringify(claims).replace('{', `{"issuer":"did:example:mallory",`)
    await expect(verifyCredential(await sign(encodeUtf8(text)), { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_JSON_DUPLICATE_KEY',
      details: { check: 'parse' },
    })
  })

  it('error: __proto__ claims are ERR_JSON_FORBIDDEN_KEY', async () => {
    const { claims, sign, resolver } = await setting()
    const text = JSON.stringify(claims).replace('{', '{"__proto__":{"admin":true},')
    await expect(verifyCredential(await sign(encodeUtf8(text)), { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_JSON_FORBIDDEN_KEY',
    })
  })

  it('error: a 10 MB token is ERR_INPUT_TOO_LARGE before any parsing', async () => {
    const { resolver } = await setting()
    await expect(verifyCredential('a'.repeat(10 * 1024 * 1024), { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
    })
  })

  it('error: a signed credential that breaks its schema is ERR_SCHEMA_INVALID', async () => {
    const { claims, sign, resolver } = await setting()
    const subject = { ...(claims.credentialSubject as JsonObject), nationality: 'Estonia' }
    await expect(
      verifyCredential(await sign({ ...claims, credentialSubject: subject }), { resolver, clock }),
    ).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
      details: { check: 'schema' },
    })
  })

  it('error: a tampered payload is ERR_SIGNATURE_INVALID', async () => {
    const { token, claims, resolver } = await setting()
    const [header, , signature] = token.split('.')
    const tampered = `${header}.${b64({ ...claims, credentialSubject: { ...(claims.credentialSubject as JsonObject), familyName: 'Kask' } })}.${signature}`
    await expect(verifyCredential(tampered, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })
  })

  it('error: tokens of another type are ERR_TOKEN_TYPE_INVALID', async () => {
    const { claims, sign, resolver, citizen, token } = await setting()
    const mixed = await sign({ ...claims, vc: {} })
    await expect(verifyCredential(mixed, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
    })
    const { token: presentation } = await createPresentation({ holder: citizen, credentials: [token], clock })
    await expect(verifyCredential(presentation, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
    })
    await expect(verifyCredential(token, { resolver, clock, format: 'jwt_vc_json' })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
    })
  })

  it('error: garbage of every kind fails the parse check with a code, never a crash', async () => {
    const { resolver } = await setting()
    for (const garbage of [undefined, 42, '', 'a.b', 'a.b.c', `${b64({ alg: 'EdDSA' })}.${b64([1])}.AA`]) {
      await expect(verifyCredential(garbage as string, { resolver, clock })).rejects.toMatchObject({
        details: { check: 'parse' },
      })
    }
  })
})

// One rule for ES256 and ES256K (README, Security): Civitas signs low-S and verifies both S forms.
describe.each([
  ['ES256', p256],
  ['ES256K', secp256k1],
] as const)('%s signature forms', (alg, curve) => {
  it('behavior: the issued signature is low-S, and its high-S twin verifies to the same credential', async () => {
    const { city, citizen, resolver } = await createParties(alg, 'EdDSA')
    const { token } = await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      clock,
      validFor: YEAR,
    })
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const parsed = curve.Signature.fromBytes(Buffer.from(signature, 'base64url'), 'compact')
    expect(parsed.hasHighS()).toBe(false)
    const twin = new curve.Signature(parsed.r, curve.Point.Fn.ORDER - parsed.s).toBytes('compact')
    const high = `${header}.${payload}.${encodeBase64url(twin)}`
    const { token: _low, ...verified } = await verifyCredential(token, { resolver, clock })
    const { token: twinToken, ...twinVerified } = await verifyCredential(high, { resolver, clock })
    expect(twinToken).toBe(high)
    expect(twinVerified).toEqual(verified)
  })
})

describe('verifyPresentation refuses hostile presentations', () => {
  const audience = 'https://hotel.example'
  const nonce = 'n-0S6_WzA2Mj'

  it('error: wrong audience, wrong nonce and missing nonce fail their checks', async () => {
    const { citizen, token, resolver } = await setting()
    const { token: vp } = await createPresentation({
      holder: citizen,
      credentials: [token],
      audience,
      nonce,
      clock,
    })
    await expect(
      verifyPresentation(vp, { resolver, clock, audience: 'https://other.example', nonce }),
    ).rejects.toMatchObject({ code: 'ERR_AUDIENCE_MISMATCH' })
    await expect(verifyPresentation(vp, { resolver, clock, nonce })).rejects.toMatchObject({
      code: 'ERR_AUDIENCE_REQUIRED',
      details: { audience: [audience] },
    })
    await expect(verifyPresentation(vp, { resolver, clock, audience, nonce: 'other' })).rejects.toMatchObject(
      { code: 'ERR_NONCE_MISMATCH' },
    )
    const { token: bare } = await createPresentation({
      holder: citizen,
      credentials: [token],
      audience,
      clock,
    })
    await expect(verifyPresentation(bare, { resolver, clock, audience, nonce })).rejects.toMatchObject({
      code: 'ERR_NONCE_MISMATCH',
    })
  })

  it('error: a credential on its own is ERR_PRESENTATION_REQUIRED, whatever allowBearer says', async () => {
    const { resolver, city, citizen } = await setting()
    for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
      const credential = residencyCard(citizen.did)
      const { token } = await issueCredential({ issuer: city, credential, format, clock, validFor: YEAR })
      for (const allowBearer of [false, true]) {
        await expect(
          verifyPresentation(token, { resolver, clock, audience, nonce, allowBearer }),
        ).rejects.toMatchObject({ code: 'ERR_PRESENTATION_REQUIRED', details: { check: 'parse' } })
      }
    }
  })

  it("error: a presentation carrying someone else's credential is ERR_HOLDER_MISMATCH unless bearer is allowed", async () => {
    const { token, resolver } = await setting()
    const { citizen: stranger } = await createParties()
    const { token: vp } = await createPresentation({
      holder: stranger,
      credentials: [token],
      audience,
      nonce,
      clock,
    })
    await expect(verifyPresentation(vp, { resolver, clock, audience, nonce })).rejects.toMatchObject({
      code: 'ERR_HOLDER_MISMATCH',
      details: { check: 'holder' },
    })
    await expect(
      verifyPresentation(vp, { resolver, clock, audience, nonce, allowBearer: true }),
    ).resolves.toBeDefined()
  })

  it('error: a valid presentation wrapping a tampered credential is ERR_SIGNATURE_INVALID for credential 0', async () => {
    const { token, claims, citizen, resolver } = await setting()
    const [header, , signature] = token.split('.')
    const tampered = `${header}.${b64({ ...claims, exp: (claims.exp as number) + YEAR })}.${signature}`
    const { token: vp } = await createPresentation({
      holder: citizen,
      credentials: [tampered],
      audience,
      nonce,
      clock,
    })
    await expect(verifyPresentation(vp, { resolver, clock, audience, nonce })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
      details: { check: 'signature', credentialIndex: 0 },
    })
  })

  it('error: a stale presentation is ERR_PRESENTATION_STALE', async () => {
    const { citizen, token, resolver } = await setting()
    const { token: vp } = await createPresentation({
      holder: citizen,
      credentials: [token],
      audience,
      nonce,
      clock,
    })
    await expect(
      verifyPresentation(vp, { resolver, clock: fixedClock(NOW + 10 * 60_000), audience, nonce }),
    ).rejects.toMatchObject({
      code: 'ERR_PRESENTATION_STALE',
      details: { check: 'freshness' },
    })
  })

  it('error: a presentation signed with the issuer key but naming the citizen as holder is ERR_HOLDER_MISMATCH', async () => {
    const { city, citizen, token, resolver } = await setting()
    const { token: vp } = await createPresentation({
      holder: { ...city, did: citizen.did },
      credentials: [token],
      audience,
      nonce,
      clock,
    })
    await expect(verifyPresentation(vp, { resolver, clock, audience, nonce })).rejects.toMatchObject({
      code: 'ERR_HOLDER_MISMATCH',
    })
  })
})
