import { residencyCard } from '@civitas/cli/demo'
import { encodeBase64url, encodeUtf8, fixedClock, type JsonObject } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { decodeQr, encodeQr } from '@civitas/qr'
import fc from 'fast-check'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createVerifier } from './createVerifier.js'
import { formatReport } from './formatReport.js'
import type { Report } from './types.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const YEAR = 365 * 24 * 3600 * 1000
const clock = fixedClock(NOW)
const audience = 'https://hotel.example'
const nonce = 'n-0S6_WzA2Mj'
const b64 = (value: unknown) => encodeBase64url(encodeUtf8(JSON.stringify(value)))

async function scene(format: 'vc+jwt' | 'jwt_vc_json' = 'vc+jwt') {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const card = residencyCard(citizen.did)
  const { token } = await issueCredential({ issuer: city, credential: card, format, clock, validFor: YEAR })
  const present = (credentials = [token], holder = citizen) =>
    createPresentation({ holder, credentials, audience, nonce, format, clock }).then((result) => result.token)
  const verifier = createVerifier({ resolver, trust: { ResidencyCard: [city.did] }, clock })
  return { city, citizen, resolver, token, present, verifier }
}

function failure(report: Report) {
  return report.checks.find((check) => check.status === 'failed')
}

describe('createVerifier', () => {
  for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
    it(`behavior: a ${format} presentation of a trusted residency card passes every check`, async () => {
      const { verifier, present, citizen, city } = await scene(format)
      const report = await verifier.check(await present(), {
        audience,
        nonce,
        types: ['ResidencyCard'],
        requiredClaims: ['address.locality'],
      })
      expect(report).toMatchObject({ ok: true, kind: 'presentation', holder: citizen.did, issuer: city.did })
      expect(report.checks.every((check) => check.status === 'passed')).toBe(true)
      expect(report.credentials?.[0]?.checks.every((check) => check.status === 'passed')).toBe(true)
      expect(report.claims).toMatchObject({ familyName: 'Tamm' })
    })
  }

  it('behavior: a bare credential is checked as a credential', async () => {
    const { verifier, token } = await scene()
    const report = await verifier.check(token)
    expect(report).toMatchObject({ ok: true, kind: 'credential' })
    expect(report.checks.map((check) => check.name)).toEqual([
      'parse',
      'algorithm',
      'issuer',
      'signature',
      'validity',
      'schema',
      'trust',
      'status',
      'type',
      'claims',
    ])
  })

  it('behavior: without a trust policy the verifier fails closed with ERR_UNTRUSTED_ISSUER', async () => {
    const { resolver, token } = await scene()
    const report = await createVerifier({ resolver, clock }).check(token)
    expect(report.ok).toBe(false)
    expect(failure(report)).toMatchObject({ name: 'trust', code: 'ERR_UNTRUSTED_ISSUER' })
    expect((await createVerifier({ resolver, clock, trust: 'any' }).check(token)).ok).toBe(true)
  })

  it('behavior: a trust predicate decides per credential', async () => {
    const { resolver, token, city } = await scene()
    const trust = (credential: { issuer: string }) => credential.issuer === city.did
    expect((await createVerifier({ resolver, clock, trust }).check(token)).ok).toBe(true)
    const report = await createVerifier({ resolver, clock, trust: () => false }).check(token)
    expect(failure(report)?.code).toBe('ERR_UNTRUSTED_ISSUER')
  })

  it('error: an issuer trusted for another type is ERR_UNTRUSTED_ISSUER', async () => {
    const { resolver, token, city } = await scene()
    const report = await createVerifier({ resolver, clock, trust: { MembershipCard: [city.did] } }).check(
      token,
    )
    expect(failure(report)?.code).toBe('ERR_UNTRUSTED_ISSUER')
  })

  it('error: programmer errors throw; bad input never does', async () => {
    expect(() => createVerifier({} as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    const { verifier } = await scene()
    for (const input of [undefined, null, 42, '', 'x.y.z', 'a'.repeat(10 * 1024 * 1024)]) {
      const report = await verifier.check(input as string)
      expect(report.ok).toBe(false)
      expect(report.error?.code).toMatch(/^ERR_/)
    }
  })

  it('behavior: QR text (CV1) is decoded to the exact token and checked like the token itself', async () => {
    const { verifier, present, token } = await scene()
    const presentation = await present()
    for (const [input, kind, expectations] of [
      [encodeQr(presentation), 'presentation', { audience, nonce }],
      [encodeQr(token), 'credential', {}],
    ] as const) {
      const report = await verifier.check(input, expectations)
      expect(report.ok).toBe(true)
      expect(report.kind).toBe(kind)
    }
  })

  it('error: unreadable QR text fails the parse check with its ERR_QR_* code and never throws', async () => {
    const { verifier, present } = await scene()
    const text = encodeQr(await present())
    for (const [input, code] of [
      [`CV2:${text.slice(4)}`, 'ERR_QR_PREFIX'],
      [text.slice(0, text.length - 7), 'ERR_QR_INVALID'],
      [`CV1:${'A'.repeat(9000)}`, 'ERR_QR_TOO_LARGE'],
    ] as const) {
      const report = await verifier.check(input, { audience, nonce })
      expect(report.ok).toBe(false)
      expect(failure(report)).toMatchObject({ name: 'parse', code })
    }
  })

  it('property: mutated QR text never throws; a report passes only for the exact presentation', async () => {
    const { verifier, present } = await scene()
    const presentation = await present()
    const text = encodeQr(presentation)
    const alphabet = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:')
    await fc.assert(
      fc.asyncProperty(fc.nat(text.length - 1), alphabet, fc.boolean(), async (at, char, cut) => {
        const mutated = cut ? text.slice(0, at) : text.slice(0, at) + char + text.slice(at + 1)
        const report = await verifier.check(mutated, { audience, nonce })
        if (report.ok) expect(mutated === text || decodeQr(mutated) === presentation).toBe(true)
        else expect(report.error?.code).toMatch(/^ERR_/)
      }),
      { numRuns: 60 },
    )
  })

  describe('hostile table', () => {
    const cases: [
      string,
      (s: Awaited<ReturnType<typeof scene>>) => Promise<string>,
      object,
      string,
      string,
    ][] = [
      [
        'alg none',
        async ({ token }) => `${b64({ alg: 'none', typ: 'vc+jwt' })}.${token.split('.')[1]}.`,
        { expect: {} },
        'algorithm',
        'ERR_ALGORITHM_UNSUPPORTED',
      ],
      [
        'HS256 with the public key as secret',
        async ({ token, city }) => {
          const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString())
          return new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256', typ: 'vc+jwt', kid: city.kid })
            .sign(Buffer.from(city.did.slice(8)))
        },
        { expect: {} },
        'algorithm',
        'ERR_ALGORITHM_UNSUPPORTED',
      ],
      [
        "a kid naming another DID's key",
        async ({ token, citizen }) => {
          const [header, payload] = token.split('.') as [string, string]
          const forgedHeader = b64({
            ...JSON.parse(Buffer.from(header, 'base64url').toString()),
            kid: citizen.kid,
          })
          return `${forgedHeader}.${payload}.${token.split('.')[2]}`
        },
        { expect: {} },
        'issuer',
        'ERR_ISSUER_MISMATCH',
      ],
      [
        'an expired credential',
        async ({ token }) => token,
        { clock: fixedClock(NOW + 2 * YEAR), expect: {} },
        'validity',
        'ERR_CREDENTIAL_EXPIRED',
      ],
      [
        'a credential not yet valid',
        async ({ token }) => token,
        { clock: fixedClock(NOW - 3600_000), expect: {} },
        'validity',
        'ERR_TOKEN_ISSUED_IN_FUTURE',
      ],
      [
        'a wrong audience',
        async ({ present }) => present(),
        { expect: { audience: 'https://other.example', nonce } },
        'audience',
        'ERR_AUDIENCE_MISMATCH',
      ],
      [
        'a wrong nonce',
        async ({ present }) => present(),
        { expect: { audience, nonce: 'n-other' } },
        'nonce',
        'ERR_NONCE_MISMATCH',
      ],
      [
        "someone else's credential",
        async ({ present, token }) => {
          const stranger = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
          return present([token], stranger)
        },
        {},
        'holder',
        'ERR_HOLDER_MISMATCH',
      ],
      [
        'a tampered credential inside a valid presentation',
        async ({ present, token }) => {
          const [header, payload, signature] = token.split('.') as [string, string, string]
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JsonObject
          return present([`${header}.${b64({ ...claims, exp: (claims.exp as number) + YEAR })}.${signature}`])
        },
        {},
        'credentials',
        'ERR_SIGNATURE_INVALID',
      ],
      [
        'duplicate JSON keys',
        async ({ token }) =>
          `${token.split('.')[0]}.${encodeBase64url(encodeUtf8('{"issuer":"a","issuer":"b"}'))}.AA`,
        {},
        'parse',
        'ERR_JSON_DUPLICATE_KEY',
      ],
      [
        '__proto__ claims',
        async ({ token }) => `${token.split('.')[0]}.${encodeBase64url(encodeUtf8('{"__proto__":{}}'))}.AA`,
        {},
        'parse',
        'ERR_JSON_FORBIDDEN_KEY',
      ],
      ['a 10 MB token', async () => 'a'.repeat(10 * 1024 * 1024), {}, 'parse', 'ERR_INPUT_TOO_LARGE'],
    ]
    for (const [name, make, settings, check, code] of cases) {
      it(`error: ${name} fails the ${check} check with ${code}`, async () => {
        const world = await scene()
        const { clock: otherClock, expect: expectations } = settings as {
          clock?: () => number
          expect?: object
        }
        const verifier = createVerifier({
          resolver: world.resolver,
          trust: { ResidencyCard: [world.city.did] },
          clock: otherClock ?? clock,
        })
        const report = await verifier.check(await make(world), expectations ?? { audience, nonce })
        expect(report.ok).toBe(false)
        expect(report.error?.code).toBe(code)
        expect(failure(report)).toMatchObject({ name: check, code })
      })
    }
  })

  it('behavior: formatReport names the verdict, the reason and every check', async () => {
    const { verifier, present } = await scene()
    const accepted = formatReport(await verifier.check(await present(), { audience, nonce }))
    expect(accepted).toMatch(/^ACCEPTED presentation \(ResidencyCard\)/)
    expect(accepted).toContain('✓ signature')
    const rejected = formatReport(
      await verifier.check(await present(), { audience: 'https://other.example', nonce }),
    )
    expect(rejected).toMatch(
      /^REJECTED presentation: ERR_AUDIENCE_MISMATCH — The presentation was made for another verifier\./,
    )
    expect(rejected).toContain('✗ audience (ERR_AUDIENCE_MISMATCH)')
    expect(rejected).toContain('· credentials')
  })
})
