import { readFileSync } from 'node:fs'
import { fixedClock } from '@civitas/core'
import { createMemoryKeyStore, decodeJws, signJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from './createTokenStatusList.js'
import { decodeTokenStatusList } from './decodeTokenStatusList.js'
import { issueStatusListToken } from './issueStatusListToken.js'
import { verifyStatusListToken } from './verifyStatusListToken.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const resolver = createResolver()
const uri = 'https://clinic.example/status/7'

const vectors = JSON.parse(
  readFileSync(
    new URL('../../../test/vectors/status-list/ietf-token-status-list.json', import.meta.url),
    'utf8',
  ),
) as { cases: { id: string; statusListTokenJwt?: string; decodedHeader?: object; decodedPayload?: object }[] }

async function setting() {
  const keyStore = createMemoryKeyStore()
  const clinic = await createDidKey({ keyStore, alg: 'ES256' })
  const list = createTokenStatusList({ bits: 2 })
  list.set(4711, 1)
  list.set(99, 2)
  const { token, claims } = await issueStatusListToken({ issuer: clinic, uri, list, clock, ttlMs: 120_000 })
  /** Re-signs the token's claims with changes. */
  const resign = (changes: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    signJws({
      header: { typ: 'statuslist+jwt', kid: clinic.kid, ...header },
      payload: { ...claims, ...changes } as never,
      signer: clinic.signer,
    })
  return { clinic, keyStore, token, resign }
}

/** The same claims with `alg: none` and no signature. */
async function noneOf(token: Promise<string>): Promise<string> {
  const [, payload] = (await token).split('.')
  return `${Buffer.from('{"alg":"none","typ":"statuslist+jwt"}').toString('base64url')}.${payload}.`
}

const reasonOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { code?: string; details?: { reason?: string } }) => `${error.code} ${error.details?.reason}`,
  )

describe('issueStatusListToken and verifyStatusListToken', () => {
  it('vectors: the draft §5.1 status list token has the expected header, claims and a 16-entry 1-bit list', async () => {
    // ../shared/vectors/status-list/ietf-token-status-list.json (tsl-status-list-token-jwt)
    const vector = vectors.cases.find((v) => v.id === 'tsl-status-list-token-jwt')
    const token = vector?.statusListTokenJwt ?? ''
    const { header, payload } = decodeJws(token)
    expect(header).toEqual(vector?.decodedHeader)
    expect(payload).toEqual(vector?.decodedPayload)
    const list = decodeTokenStatusList(payload.status_list)
    expect(Array.from({ length: list.length }, (_, i) => list.get(i))).toEqual([
      1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1,
    ])
    // Its key is not published and its iss is not a DID: Civitas refuses it rather than trusting it unsigned.
    expect(
      await reasonOf(
        verifyStatusListToken(token, {
          resolver,
          uri: String(payload.sub),
          issuer: String(payload.iss),
          clock,
        }),
      ),
    ).toBe('ERR_STATUS_LIST_INVALID ERR_ISSUER_MISMATCH')
  })

  it('behavior: an issued token verifies with its list, issuer, key, sub, times and ttl', async () => {
    const { clinic, token } = await setting()
    const { header, payload } = decodeJws(token)
    expect(header).toEqual({ alg: 'ES256', typ: 'statuslist+jwt', kid: clinic.kid })
    expect(Object.keys(payload)).toEqual(['iss', 'sub', 'iat', 'exp', 'ttl', 'status_list'])
    const verified = await verifyStatusListToken(token, { resolver, uri, issuer: clinic.did, clock })
    expect(verified).toMatchObject({
      issuer: clinic.did,
      kid: clinic.kid,
      uri,
      issuedAt: NOW,
      expiresAt: NOW + 86_400_000,
      ttlMs: 120_000,
    })
    expect([verified.list.get(4711), verified.list.get(99), verified.list.get(0)]).toEqual([1, 2, 0])
  })

  it.each([
    ['expired 30 s ago (exp)', { exp: NOW / 1000 - 30 }, 'ERR_CREDENTIAL_EXPIRED'],
    ['issued 30 s ahead (iat)', { iat: NOW / 1000 + 30 }, 'ERR_TOKEN_ISSUED_IN_FUTURE'],
  ])('behavior: a token %s passes within the clock skew, and no more', async (_when, changes, reason) => {
    const { clinic, resign } = await setting()
    const token = await resign(changes)
    await expect(
      verifyStatusListToken(token, { resolver, uri, issuer: clinic.did, clock }),
    ).resolves.toBeDefined()
    expect(
      await reasonOf(
        verifyStatusListToken(token, { resolver, uri, issuer: clinic.did, clock, clockSkewMs: 0 }),
      ),
    ).toBe(`ERR_STATUS_LIST_INVALID ${reason}`)
  })

  it('error: each refusal is ERR_STATUS_LIST_INVALID, with the failed check as details.reason', async () => {
    const { clinic, keyStore, resign } = await setting()
    const other = await createDidKey({ keyStore, alg: 'ES256' })
    const cases: [Promise<string>, string][] = [
      [resign({}, { typ: 'JWT' }), 'ERR_TOKEN_TYPE_INVALID'],
      [resign({}, { typ: undefined }), 'ERR_TOKEN_TYPE_INVALID'],
      [resign({ sub: `${uri}/other` }), 'ERR_STATUS_LIST_INVALID'],
      [resign({ iss: other.did }), 'ERR_ISSUER_MISMATCH'],
      [resign({}, { kid: other.kid }), 'ERR_ISSUER_MISMATCH'],
      [resign({}, { kid: `${clinic.did}#missing` }), 'ERR_VERIFICATION_METHOD_NOT_FOUND'],
      [resign({}, { crit: ['exp'] }), 'ERR_JWS_CRIT_UNSUPPORTED'],
      [noneOf(resign({})), 'ERR_ALGORITHM_UNSUPPORTED'],
      [resign({ exp: NOW / 1000 - 3600 }), 'ERR_CREDENTIAL_EXPIRED'],
      [resign({ iat: undefined }), 'ERR_STATUS_LIST_INVALID'],
      [resign({ iat: '2026' }), 'ERR_STATUS_LIST_INVALID'],
      [resign({ ttl: 1.5 }), 'ERR_STATUS_LIST_INVALID'],
      [resign({ status_list: { bits: 3, lst: 'eNrbuRgAAhcBXQ' } }), 'ERR_STATUS_LIST_INVALID'],
      [resign({ status_list: undefined }), 'ERR_STATUS_LIST_INVALID'],
      [Promise.resolve('a.b'), 'ERR_JWS_MALFORMED'],
    ]
    for (const [token, reason] of cases) {
      expect(
        await reasonOf(verifyStatusListToken(await token, { resolver, uri, issuer: clinic.did, clock })),
      ).toBe(`ERR_STATUS_LIST_INVALID ${reason}`)
    }
  })

  it.each([{ iat: 1e300 }, { exp: 2 ** 53 + 1 }, { exp: 1e300 }])(
    'error: a token with %o is refused by its time (ERR_TOKEN_TIME_OUT_OF_RANGE), never a formatting crash',
    async (changes) => {
      const { clinic, resign } = await setting()
      expect(
        await reasonOf(
          verifyStatusListToken(await resign(changes), { resolver, uri, issuer: clinic.did, clock }),
        ),
      ).toBe('ERR_STATUS_LIST_INVALID ERR_TOKEN_TIME_OUT_OF_RANGE')
    },
  )

  it('property: any single-character change of a token is refused', async () => {
    const { clinic, token } = await setting()
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.nat({ max: alphabet.length - 1 }),
        async (at, pick) => {
          const replacement = alphabet[pick] as string
          fc.pre(token[at] !== replacement)
          const tampered = `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`
          await expect(
            verifyStatusListToken(tampered, { resolver, uri, issuer: clinic.did, clock }),
          ).rejects.toMatchObject({
            code: 'ERR_STATUS_LIST_INVALID',
          })
        },
      ),
      { numRuns: 60 },
    )
  })

  it('error: bad arguments are refused with ERR_INVALID_ARGUMENT', async () => {
    const { clinic, token } = await setting()
    await expect(
      verifyStatusListToken(token, { resolver, uri, issuer: clinic.did, clock, clockSkewMs: 301_000 }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    const list = createTokenStatusList({ length: 8 })
    await expect(
      issueStatusListToken({ issuer: clinic, uri: 'ftp://x.example/1', list }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(issueStatusListToken({ issuer: clinic, uri, list, ttlMs: 0 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
  })
})
