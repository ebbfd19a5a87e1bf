import { encodeBase64url } from '@civitas/core'
import { createPresentation, decodeSdJwt, issueCredential } from '@civitas/credentials'
import { decodeJws, signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  createTokenStatusList,
  issueStatusListToken,
} from '@civitas/status-list'
import { createVerifier, type Report } from '@civitas/verifier'
import { gzipSync, zlibSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { startStatusServer } from '../support/statusServer.js'

const VCT = 'urn:civitas:vct:library-card:1'
const audience = 'https://library.example'
const nonce = 'n-token-status-1'

function failure(report: Report) {
  return report.checks.find((check) => check.status === 'failed')
}

describe('Token Status List: SD-JWT VC status over a loopback HTTP server', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  let now = NOW
  const clock = () => now

  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(() => server.close())

  async function scene() {
    const parties = await createParties('ES256', 'ES256')
    const registry = createMemoryStatusRegistry({ clock })
    const status = createStatusListPublisher({
      registry,
      issuer: parties.city,
      baseUrl: `${server.origin}/token-status`,
      format: 'statuslist+jwt',
      ttlMs: 60_000,
      clock,
    })
    server.serve(status.handler)
    const card = await issueCredential({
      issuer: parties.city,
      format: 'dc+sd-jwt',
      credential: { vct: VCT, sub: parties.citizen.did, given_name: 'Mari', locality: 'Tartu' },
      disclosable: ['given_name', 'locality'],
      validFor: YEAR,
      clock,
      status,
    })
    const newVerifier = () =>
      createVerifier({
        resolver: parties.resolver,
        trust: { [VCT]: [parties.city.did] },
        clock,
        status: { allowHttp: true, allowHosts: ['127.0.0.1'] },
      })
    const present = async () =>
      (
        await createPresentation({
          holder: parties.citizen,
          credentials: [card.token],
          disclose: ['given_name'],
          audience,
          nonce,
          clock,
        })
      ).token
    const { payload } = decodeSdJwt(card.token).jwt
    const reference = (payload.status as { status_list: { idx: number; uri: string } }).status_list
    return { ...parties, registry, status, card, id: card.id ?? '', newVerifier, present, reference }
  }

  it('behavior: issue with status → present → accepted → revoke → the same presentation fails with ERR_CREDENTIAL_REVOKED', async () => {
    const { card, id, status, newVerifier, present, reference } = await scene()
    expect(id).toMatch(/^urn:uuid:/)
    expect(reference.uri).toMatch(new RegExp(`^${server.origin}/token-status/`))
    expect(Number.isSafeInteger(reference.idx)).toBe(true)
    // The issuer keeps the credential's handle to itself: the token carries no jti.
    expect(decodeSdJwt(card.token).jwt.payload.jti).toBeUndefined()
    const presentation = await present()
    expect((await newVerifier().check(presentation, { audience, nonce })).ok).toBe(true)

    await status.revoke(id, { actor: 'librarian@city', reason: 'card reported lost' })
    const report = await newVerifier().check(presentation, { audience, nonce })
    expect(report.ok).toBe(false)
    expect(failure(report)).toMatchObject({ name: 'status', code: 'ERR_CREDENTIAL_REVOKED' })
    expect(report.credentials?.[0]?.error?.details).toMatchObject({ index: reference.idx })
    expect(await status.history(id)).toMatchObject([
      { actor: 'librarian@city', reason: 'card reported lost', previous: 0, value: 1, credentialId: id },
    ])
  })

  it('behavior: the list is served as application/statuslist+jwt with ETag and Cache-Control, signed by the issuer', async () => {
    const { reference, city } = await scene()
    const response = await fetch(reference.uri)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/statuslist+jwt')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    const etag = response.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    const { header, payload } = decodeJws(await response.text())
    expect(header).toMatchObject({ typ: 'statuslist+jwt', kid: city.kid, alg: 'ES256' })
    expect(payload).toMatchObject({
      iss: city.did,
      sub: reference.uri,
      iat: NOW / 1000,
      exp: NOW / 1000 + 86_400,
      ttl: 60,
      status_list: { bits: 2 },
    })
    const again = await fetch(reference.uri, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('behavior: suspend → ERR_CREDENTIAL_SUSPENDED once the cached list expires; reinstate → accepted again', async () => {
    const { id, status, newVerifier, present } = await scene()
    const verifier = newVerifier()
    const presentation = await present()
    expect((await verifier.check(presentation, { audience, nonce })).ok).toBe(true)

    await status.suspend(id, { actor: 'librarian@city', reason: 'overdue books' })
    // Within the list's 60 s lifetime the verifier answers from its warm cache.
    expect((await verifier.check(presentation, { audience, nonce })).ok).toBe(true)
    now += 61_000
    const fresh = await present()
    expect(failure(await verifier.check(fresh, { audience, nonce }))).toMatchObject({
      name: 'status',
      code: 'ERR_CREDENTIAL_SUSPENDED',
    })
    // statusMaxAgeMs: 0 revalidates at once, without waiting for the cache.
    await status.reinstate(id, { actor: 'librarian@city', reason: 'books returned' })
    expect((await verifier.check(fresh, { audience, nonce, statusMaxAgeMs: 0 })).ok).toBe(true)
    expect((await status.history(id)).map(({ value }) => value)).toEqual([2, 0])
  })

  it('error: a revoked credential cannot be suspended or reinstated (ERR_INVALID_ARGUMENT), and stays revoked', async () => {
    const { id, status, registry } = await scene()
    await status.revoke(id, { actor: 'librarian@city' })
    for (const change of [status.suspend, status.reinstate]) {
      await expect(change(id, { actor: 'librarian@city' })).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      })
    }
    expect(await registry.getStatus({ credentialId: id })).toBe(1)
  })

  it('behavior: a warm cache answers without a request; an unchanged list is revalidated with a 304', async () => {
    const { status, newVerifier, present } = await scene()
    const answers: number[] = []
    server.serve(async (request) => {
      const response = await status.handler(request)
      answers.push(response.status)
      return response
    })
    const verifier = newVerifier()
    const presentation = await present()
    for (let i = 0; i < 3; i++)
      expect((await verifier.check(presentation, { audience, nonce })).ok).toBe(true)
    expect(answers).toEqual([200])
    now += 61_000
    expect((await verifier.check(await present(), { audience, nonce })).ok).toBe(true)
    expect(answers).toEqual([200, 304])
  })

  it('error: an unreachable list fails closed with ERR_STATUS_LIST_UNAVAILABLE unless policy accepts it', async () => {
    const { resolver, city, present } = await scene()
    server.serve(async () => new Response('down for maintenance', { status: 503 }))
    const presentation = await present()
    const strict = createVerifier({
      resolver,
      trust: { [VCT]: [city.did] },
      clock,
      status: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    })
    expect(failure(await strict.check(presentation, { audience, nonce }))).toMatchObject({
      name: 'status',
      code: 'ERR_STATUS_LIST_UNAVAILABLE',
    })
    const lenient = createVerifier({
      resolver,
      trust: { [VCT]: [city.did] },
      clock,
      status: { allowHttp: true, allowHosts: ['127.0.0.1'], onUnavailable: 'accept' },
    })
    const report = await lenient.check(presentation, { audience, nonce })
    expect(report.ok).toBe(true)
    expect(report.credentials?.[0]?.checks.find((check) => check.name === 'status')?.note).toMatch(
      /unreachable/,
    )
  })

  it('behavior: a bundled status list token lets a verifier check with no network at all', async () => {
    const { id, status, resolver, city, present, reference } = await scene()
    await status.revoke(id, { actor: 'librarian@city' })
    const listId = decodeURIComponent(reference.uri.split('/').pop() ?? '')
    const signed = await status.publish(listId)
    server.serve(async () => new Response(null, { status: 503 }))
    const offline = createVerifier({
      resolver,
      trust: { [VCT]: [city.did] },
      clock,
      status: { allowHttp: true, allowHosts: ['127.0.0.1'], lists: [signed?.token ?? ''] },
    })
    const offlineReport = await offline.check(await present(), { audience, nonce })
    expect(failure(offlineReport)).toMatchObject({
      code: 'ERR_CREDENTIAL_REVOKED',
    })
  })

  /** Signs a crafted list token as `signer`, with the claims a good one would have unless overridden. */
  async function craft(
    signer: Identity,
    uri: string,
    overrides: Record<string, unknown> = {},
    typ = 'statuslist+jwt',
  ) {
    const list = createTokenStatusList({ bits: 2 })
    const good = (await issueStatusListToken({ issuer: signer, uri, list, clock })).claims
    const payload = Object.fromEntries(
      Object.entries({ ...good, ...overrides }).filter(([, value]) => value !== undefined),
    )
    return signJws({ header: { typ, kid: signer.kid }, payload: payload as never, signer: signer.signer })
  }
  const lst = (bytes: Uint8Array) => encodeBase64url(bytes)

  const hostile: [
    string,
    (s: Awaited<ReturnType<typeof scene>>, impostor: Identity) => Promise<string>,
    string,
  ][] = [
    ['wrong typ (JWT)', (s) => craft(s.city, s.reference.uri, {}, 'JWT'), 'ERR_STATUS_LIST_INVALID'],
    ['wrong typ (vc+jwt)', (s) => craft(s.city, s.reference.uri, {}, 'vc+jwt'), 'ERR_STATUS_LIST_INVALID'],
    ['wrong sub', (s) => craft(s.city, `${s.reference.uri}-other`), 'ERR_STATUS_LIST_INVALID'],
    ['sub missing', (s) => craft(s.city, s.reference.uri, { sub: undefined }), 'ERR_STATUS_LIST_INVALID'],
    [
      'another issuer (its own iss and key)',
      (s, impostor) => craft(impostor, s.reference.uri),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      "the issuer's iss with another issuer's key",
      (s, impostor) => craft(impostor, s.reference.uri, { iss: s.city.did }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'expired list',
      (s) => craft(s.city, s.reference.uri, { exp: NOW / 1000 - 3600 }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'issued in the future',
      (s) => craft(s.city, s.reference.uri, { iat: NOW / 1000 + 3600 }),
      'ERR_STATUS_LIST_INVALID',
    ],
    ['negative ttl', (s) => craft(s.city, s.reference.uri, { ttl: -1 }), 'ERR_STATUS_LIST_INVALID'],
    [
      'idx out of range (a list of 8 entries)',
      (s) =>
        craft(s.city, s.reference.uri, {
          status_list: createTokenStatusList({ length: 8, bits: 2 }).encode(),
        }),
      'ERR_STATUS_INDEX_OUT_OF_RANGE',
    ],
    [
      'bits = 3',
      (s) =>
        craft(s.city, s.reference.uri, {
          status_list: { bits: 3, lst: lst(zlibSync(new Uint8Array(32_768))) },
        }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'zlib bomb (64 MB of zeros)',
      (s) =>
        craft(s.city, s.reference.uri, {
          status_list: { bits: 2, lst: lst(zlibSync(new Uint8Array(64 * 1024 * 1024))) },
        }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'truncated zlib',
      (s) =>
        craft(s.city, s.reference.uri, {
          status_list: { bits: 2, lst: lst(zlibSync(new Uint8Array(32_768)).slice(0, -5)) },
        }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'GZIP instead of zlib',
      (s) =>
        craft(s.city, s.reference.uri, {
          status_list: { bits: 2, lst: lst(gzipSync(new Uint8Array(32_768))) },
        }),
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'status 0x03 (application-specific)',
      async (s) => {
        const list = createTokenStatusList({ bits: 2 })
        list.set(s.reference.idx, 3)
        return craft(s.city, s.reference.uri, { status_list: list.encode() })
      },
      'ERR_CREDENTIAL_STATUS_UNKNOWN',
    ],
    [
      'alg none',
      async (s) => {
        const token = await craft(s.city, s.reference.uri)
        const [, payload] = token.split('.')
        return `${encodeBase64url(new TextEncoder().encode('{"alg":"none","typ":"statuslist+jwt"}'))}.${payload}.`
      },
      'ERR_STATUS_LIST_INVALID',
    ],
    [
      'altered signature',
      async (s) => {
        const token = await craft(s.city, s.reference.uri)
        return `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
      },
      'ERR_STATUS_LIST_INVALID',
    ],
    ['not a JWT at all', async () => 'statuslist', 'ERR_STATUS_LIST_INVALID'],
  ]
  it("behavior: without HTTP caching headers the token's ttl sets the cache lifetime, and its exp bounds it", async () => {
    const s = await scene()
    const requests: string[] = []
    let token = await craft(s.city, s.reference.uri, { ttl: 30 })
    server.serve(async () => {
      requests.push('GET')
      return new Response(token, { headers: { 'content-type': 'application/statuslist+jwt' } })
    })
    const verifier = s.newVerifier()
    const check = async () => (await verifier.check(await s.present(), { audience, nonce })).ok
    const start = now
    expect(await check()).toBe(true)
    now = start + 29_000
    expect(await check()).toBe(true)
    expect(requests.length).toBe(1)
    now = start + 31_000
    expect(await check()).toBe(true)
    expect(requests.length).toBe(2)
    // A token valid for 10 more seconds is used for 10 seconds, whatever its ttl says.
    now += 31_000
    token = await craft(s.city, s.reference.uri, { ttl: 3600, iat: now / 1000, exp: now / 1000 + 10 })
    expect(await check()).toBe(true)
    expect(requests.length).toBe(3)
    now += 9_000
    expect(await check()).toBe(true)
    expect(requests.length).toBe(3)
    now += 2_000
    expect(await check()).toBe(true)
    expect(requests.length).toBe(4)
  })

  for (const [name, make, code] of hostile) {
    it(`error: a list token with ${name} is refused with ${code}`, async () => {
      const s = await scene()
      const impostor = await createDidKey({ keyStore: s.keyStore, alg: 'ES256' })
      const token = await make(s, impostor)
      server.serve(
        async () => new Response(token, { headers: { 'content-type': 'application/statuslist+jwt' } }),
      )
      const report = await s.newVerifier().check(await s.present(), { audience, nonce })
      expect(report.ok).toBe(false)
      expect(failure(report)).toMatchObject({ name: 'status', code })
    })
  }

  it('error: an SD-JWT VC with a W3C publisher, or a W3C credential with a token publisher, is refused with ERR_INVALID_ARGUMENT', async () => {
    const { city, citizen, status, registry } = await scene()
    const w3c = createStatusListPublisher({ registry, issuer: city, baseUrl: `${server.origin}/w3c`, clock })
    await expect(
      issueCredential({
        issuer: city,
        format: 'dc+sd-jwt',
        credential: { vct: VCT, sub: citizen.did },
        status: w3c,
        clock,
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    await expect(
      issueCredential({
        issuer: city,
        credential: residencyCard(citizen.did),
        validFor: YEAR,
        status,
        clock,
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    await expect(
      issueCredential({
        issuer: city,
        format: 'dc+sd-jwt',
        credential: {
          vct: VCT,
          sub: citizen.did,
          status: { status_list: { idx: 1, uri: 'https://x.example/1' } },
        },
        status,
        clock,
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    expect(() =>
      createStatusListPublisher({
        registry,
        issuer: city,
        baseUrl: `${server.origin}/t`,
        format: 'statuslist+jwt',
        purposes: ['revocation', 'suspension'],
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })

  it('error: the status claim can never be made disclosable (ERR_INVALID_ARGUMENT), and a malformed one fails ERR_CREDENTIAL_INVALID', async () => {
    const { city, citizen, status, resolver } = await scene()
    await expect(
      issueCredential({
        issuer: city,
        format: 'dc+sd-jwt',
        credential: { vct: VCT, sub: citizen.did },
        disclosable: ['status'],
        status,
        clock,
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    const bad = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: {
        vct: VCT,
        sub: citizen.did,
        status: { status_list: { idx: '7', uri: 'https://x.example/1' } },
      },
      clock,
    })
    const verifier = createVerifier({
      resolver,
      trust: { [VCT]: [city.did] },
      clock,
      status: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    })
    expect(failure(await verifier.check(bad.token))).toMatchObject({
      name: 'status',
      code: 'ERR_CREDENTIAL_INVALID',
    })
  })
})
