import { fixedClock, type JsonObject } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { codeOf } from '../../../test/support/codeOf.js'
import { createParties, NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { createPresentation } from './createPresentation.js'
import { hashDigest } from './internal/sdJwt/hashDigest.js'
import { issueCredential } from './issueCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const AUDIENCE = 'https://hotel.example'
const NONCE = 'n-binding-7Qx2'
const iat = Math.floor(NOW / 1000)

async function setting() {
  const parties = await createParties('EdDSA', 'ES256')
  const { city, citizen, resolver } = parties
  const card = (format: 'vc+jwt' | 'jwt_vc_json') =>
    issueCredential({ issuer: city, format, credential: residencyCard(citizen.did), clock, validFor: YEAR })
  const sdJwt = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: { vct: 'urn:civitas:vct:test:1', sub: citizen.did, given_name: 'Mari' },
    disclosable: ['given_name'],
    clock,
    validFor: YEAR,
  })
  /** A presentation signed by the citizen with any claims: what a holder's wallet could send. */
  const signPresentation = (claims: JsonObject, typ: 'vp+jwt' | 'JWT' = 'vp+jwt') =>
    signJws({ header: { typ, kid: citizen.kid }, payload: claims, signer: citizen.signer })
  const vpClaims = (credentials: JsonObject[], extra: JsonObject = {}): JsonObject => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder: citizen.did,
    verifiableCredential: credentials,
    iss: citizen.did,
    aud: AUDIENCE,
    nonce: NONCE,
    iat,
    exp: iat + 300,
    ...extra,
  })
  const enveloped = (token: string, label = 'application/vc+jwt'): JsonObject => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `data:${label},${token}`,
    type: 'EnvelopedVerifiableCredential',
  })
  const verify = (token: string, extra: { allowBearer?: boolean } = {}) =>
    verifyPresentation(token, { resolver, audience: AUDIENCE, nonce: NONCE, clock, ...extra })
  return { ...parties, card, sdJwt: sdJwt.token, signPresentation, vpClaims, enveloped, verify }
}

describe('presentation times', () => {
  it('error: an nbf in the future is ERR_TOKEN_ISSUED_IN_FUTURE even when iat is present', async () => {
    const { card, signPresentation, vpClaims, enveloped, verify } = await setting()
    const { token } = await card('vc+jwt')
    const early = await signPresentation(vpClaims([enveloped(token)], { nbf: iat + 3600 }))
    await expect(verify(early)).rejects.toMatchObject({
      code: 'ERR_TOKEN_ISSUED_IN_FUTURE',
      details: { check: 'freshness' },
    })
    // Within the 60 s skew it passes, as iat would.
    expect(
      await codeOf(verify(await signPresentation(vpClaims([enveloped(token)], { nbf: iat + 59 })))),
    ).toBe('accepted')
  })

  it('error: a jwt_vc_json presentation with a future nbf next to iat is refused too', async () => {
    const { card, signPresentation, citizen, verify } = await setting()
    const { token } = await card('jwt_vc_json')
    const claims = {
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [token],
      },
      iss: citizen.did,
      aud: AUDIENCE,
      nonce: NONCE,
      iat,
      nbf: iat + 3600,
    }
    expect(await codeOf(verify(await signPresentation(claims, 'JWT')))).toBe('ERR_TOKEN_ISSUED_IN_FUTURE')
  })

  it.each([
    ['iat', 1e300],
    ['nbf', 2 ** 53 + 1],
    ['exp', 1e300],
    ['iat', -1e300],
  ])('error: a vp+jwt with %s = %s is ERR_TOKEN_TIME_OUT_OF_RANGE', async (claim, value) => {
    const { card, signPresentation, vpClaims, enveloped, verify } = await setting()
    const { token } = await card('vc+jwt')
    const presentation = await signPresentation(vpClaims([enveloped(token)], { [claim]: value }))
    await expect(verify(presentation)).rejects.toMatchObject({ code: 'ERR_TOKEN_TIME_OUT_OF_RANGE' })
  })

  it('error: a key-binding JWT with iat = 1e300 is ERR_TOKEN_TIME_OUT_OF_RANGE', async () => {
    const { sdJwt, citizen, verify } = await setting()
    const kb = await signJws({
      header: { typ: 'kb+jwt' },
      payload: { iat: 1e300, aud: AUDIENCE, nonce: NONCE, sd_hash: hashDigest(sdJwt) },
      signer: citizen.signer,
    })
    await expect(verify(`${sdJwt}${kb}`)).rejects.toMatchObject({
      code: 'ERR_TOKEN_TIME_OUT_OF_RANGE',
      details: { check: 'keyBinding' },
    })
  })
})

describe('credentials embedded in vp+jwt and jwt_vc_json presentations', () => {
  it('error: a cnf-bound SD-JWT in a vp+jwt envelope is ERR_TOKEN_TYPE_INVALID, allowBearer or not', async () => {
    const { sdJwt, signPresentation, vpClaims, enveloped, verify } = await setting()
    for (const label of ['application/vc+jwt', 'application/vc+sd-jwt', 'application/dc+sd-jwt']) {
      const presentation = await signPresentation(vpClaims([enveloped(sdJwt, label)]))
      for (const allowBearer of [false, true]) {
        expect(await codeOf(verify(presentation, { allowBearer }))).toMatch(
          label === 'application/vc+jwt' ? 'ERR_TOKEN_TYPE_INVALID' : 'ERR_PRESENTATION_INVALID',
        )
      }
    }
    // With its key-binding JWT inside the envelope it is refused as well: SD-JWT+KB is presented alone.
    const kb = await signJws({
      header: { typ: 'kb+jwt' },
      payload: { iat, aud: AUDIENCE, nonce: NONCE, sd_hash: hashDigest(sdJwt) },
      signer: (await setting()).citizen.signer,
    })
    const withKb = await signPresentation(vpClaims([enveloped(`${sdJwt}${kb}`)]))
    expect(await codeOf(verify(withKb, { allowBearer: true }))).toBe('ERR_TOKEN_TYPE_INVALID')
  })

  it('error: an SD-JWT among a jwt_vc_json presentation’s credentials is ERR_TOKEN_TYPE_INVALID', async () => {
    const { sdJwt, signPresentation, citizen, verify } = await setting()
    const presentation = await signPresentation(
      {
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [sdJwt],
        },
        iss: citizen.did,
        aud: AUDIENCE,
        nonce: NONCE,
        iat,
      },
      'JWT',
    )
    await expect(verify(presentation, { allowBearer: true })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
      details: { check: 'parse' },
    })
  })

  it('error: an application/vc+jwt envelope holding a jwt_vc_json credential is ERR_TOKEN_TYPE_INVALID', async () => {
    const { card, signPresentation, vpClaims, enveloped, verify } = await setting()
    const { token } = await card('jwt_vc_json')
    const presentation = await signPresentation(vpClaims([enveloped(token)]))
    await expect(verify(presentation)).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
      details: { check: 'parse', credentialIndex: 0 },
    })
  })

  it('error: createPresentation refuses to envelope a jwt_vc_json credential as application/vc+jwt', async () => {
    const { card, citizen } = await setting()
    const { token } = await card('jwt_vc_json')
    for (const credentials of [[token], ['not a token']]) {
      await expect(
        createPresentation({ holder: citizen, credentials, audience: AUDIENCE, nonce: NONCE, clock }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
  })

  it('behavior: a vc+jwt credential in its envelope, and a jwt_vc_json one in a jwt_vc_json presentation, pass', async () => {
    const { card, citizen, verify } = await setting()
    for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
      const { token } = await card(format)
      const presentation = await createPresentation({
        holder: citizen,
        credentials: [token],
        format,
        audience: AUDIENCE,
        nonce: NONCE,
        clock,
      })
      expect((await verify(presentation.token)).credentials[0]?.format).toBe(format)
    }
  })
})
