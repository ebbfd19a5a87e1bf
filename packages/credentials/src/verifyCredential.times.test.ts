import { fixedClock, type JsonObject } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { codeOf } from '../../../test/support/codeOf.js'
import { createParties, NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { decodeSdJwt } from './decodeSdJwt.js'
import { issueCredential } from './issueCredential.js'
import type { CredentialFormat } from './types.js'
import { verifyCredential } from './verifyCredential.js'

const clock = fixedClock(NOW)

/** A credential of each format, and a way to re-sign its claims as the real issuer. */
async function issued(format: CredentialFormat) {
  const parties = await createParties('EdDSA', 'ES256')
  const { city, citizen } = parties
  const { token } = await issueCredential({
    issuer: city,
    format,
    ...(format === 'dc+sd-jwt'
      ? { credential: { vct: 'urn:civitas:vct:test:1', sub: citizen.did, given_name: 'Mari' } }
      : { credential: residencyCard(citizen.did) }),
    clock,
    validFor: YEAR,
  })
  const jws = format === 'dc+sd-jwt' ? decodeSdJwt(token).jwt : undefined
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()))
  const resign = async (edit: (claims: JsonObject) => void) => {
    const claims = structuredClone((jws?.payload ?? payload) as JsonObject)
    edit(claims)
    const signed = await signJws({
      header: { typ: (header as JsonObject).typ as string, kid: city.kid },
      payload: claims,
      signer: city.signer,
    })
    return format === 'dc+sd-jwt' ? `${signed}~` : signed
  }
  return { ...parties, token, resign }
}

const FORMATS: CredentialFormat[] = ['vc+jwt', 'jwt_vc_json', 'dc+sd-jwt']
// Times no date can hold: a formatter would throw on them, so they must be refused by their time.
const OUT_OF_RANGE: [string, number][] = [
  ['iat', 1e300],
  ['nbf', 2 ** 53 + 1],
  ['exp', 1e300],
  ['nbf', -1e300],
  ['exp', -(2 ** 53 + 1)],
]

describe('credential times beyond any date', () => {
  for (const format of FORMATS) {
    it.each(OUT_OF_RANGE)(
      `error: ${format} with %s = %s is ERR_TOKEN_TIME_OUT_OF_RANGE`,
      async (claim, value) => {
        const { resign, resolver } = await issued(format)
        const token = await resign((claims) => {
          claims[claim] = value
        })
        await expect(verifyCredential(token, { resolver, clock })).rejects.toMatchObject({
          code: 'ERR_TOKEN_TIME_OUT_OF_RANGE',
          details: { claim },
        })
      },
    )

    it(`behavior: ${format} at the edge of the date range keeps its time codes`, async () => {
      const { resign, resolver } = await issued(format)
      const at = (claim: string, value: number) =>
        resign((claims) => {
          claims[claim] = value
        })
      expect(await codeOf(verifyCredential(await at('iat', 8.64e12), { resolver, clock }))).toBe(
        'ERR_TOKEN_ISSUED_IN_FUTURE',
      )
      expect(await codeOf(verifyCredential(await at('nbf', 8.64e12), { resolver, clock }))).toBe(
        'ERR_CREDENTIAL_NOT_YET_VALID',
      )
      expect(await codeOf(verifyCredential(await at('exp', -8.64e12), { resolver, clock }))).toBe(
        'ERR_CREDENTIAL_EXPIRED',
      )
      expect(await codeOf(verifyCredential(await at('exp', 8.64e12), { resolver, clock }))).toBe('accepted')
    })
  }
})

describe('jwt_vc_json subject', () => {
  it('error: sub naming another subject than credentialSubject.id is ERR_SUBJECT_MISMATCH', async () => {
    const { resign, resolver, city, citizen } = await issued('jwt_vc_json')
    const token = await resign((claims) => {
      claims.sub = city.did
      ;(claims.vc as JsonObject).credentialSubject = {
        ...((claims.vc as JsonObject).credentialSubject as JsonObject),
        id: citizen.did,
      }
    })
    await expect(verifyCredential(token, { resolver, clock })).rejects.toMatchObject({
      code: 'ERR_SUBJECT_MISMATCH',
      details: { check: 'parse' },
    })
  })

  it('behavior: sub alone, or equal to credentialSubject.id, names the subject', async () => {
    const { resign, resolver, citizen } = await issued('jwt_vc_json')
    const same = await resign((claims) => {
      ;(claims.vc as JsonObject).credentialSubject = {
        ...((claims.vc as JsonObject).credentialSubject as JsonObject),
        id: citizen.did,
      }
    })
    expect((await verifyCredential(same, { resolver, clock })).subject).toBe(citizen.did)
    const subOnly = await resign((claims) => {
      const { id: _id, ...subject } = (claims.vc as JsonObject).credentialSubject as JsonObject
      ;(claims.vc as JsonObject).credentialSubject = subject
    })
    expect((await verifyCredential(subOnly, { resolver, clock })).subject).toBe(citizen.did)
  })
})
