import {
  type CredentialFormat,
  createPresentation,
  issueCredential,
  verifyCredential,
} from '@civitas/credentials'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusChecker,
  createStatusList,
  createStatusListCredential,
  createStatusListPublisher,
} from '@civitas/status-list'
import { createVerifier } from '@civitas/verifier'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookupTo } from '../support/loopbackHttps.js'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { failedCheck } from '../support/reports.js'
import { startStatusServer } from '../support/statusServer.js'

/** The list server is plain HTTP on 127.0.0.1, which the status guard refuses unless allow-listed. */
const LOOPBACK = { allowHttp: true, allowHosts: ['127.0.0.1'] }

describe('revocation and suspension over a loopback status list server', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  let now = NOW
  const clock = () => now

  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(() => server.close())

  async function scene(format: Exclude<CredentialFormat, 'dc+sd-jwt'> = 'vc+jwt', origin = server.origin) {
    const parties = await createParties()
    const registry = createMemoryStatusRegistry({ clock })
    const status = createStatusListPublisher({
      registry,
      issuer: parties.city,
      baseUrl: `${origin}/status`,
      format,
      purposes: ['revocation', 'suspension'],
      ttlMs: 60_000,
      clock,
    })
    server.serve(status.handler)
    const card = await issueCredential({
      issuer: parties.city,
      credential: residencyCard(parties.citizen.did),
      validFor: YEAR,
      clock,
      status,
    })
    const verifier = createVerifier({
      resolver: parties.resolver,
      trust: { ResidencyCard: [parties.city.did] },
      clock,
      status: LOOPBACK,
    })
    return { ...parties, registry, status, card, verifier, id: card.id ?? '' }
  }

  it.each(['vc+jwt', 'jwt_vc_json'] as const)(
    'behavior: issue → check → revoke → the same presentation fails with ERR_CREDENTIAL_REVOKED (%s lists)',
    async (format) => {
      const { card, citizen, status, id, city, resolver } = await scene(format)
      const presentation = await createPresentation({
        holder: citizen,
        credentials: [card.token],
        audience: 'https://hotel.example',
        nonce: 'n-1',
        clock,
      })
      const expectations = { audience: 'https://hotel.example', nonce: 'n-1' }
      // A fresh verifier, so the revoked list is fetched rather than served from the first one's cache.
      const verifier = () =>
        createVerifier({
          resolver,
          trust: { ResidencyCard: [city.did] },
          clock,
          status: LOOPBACK,
        })
      expect((await verifier().check(presentation.token, expectations)).ok).toBe(true)

      await status.revoke(id, { actor: 'clerk@city-hall', reason: 'moved away' })
      const report = await verifier().check(presentation.token, expectations)
      expect(report.ok).toBe(false)
      expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_CREDENTIAL_REVOKED' })
      expect(report.error?.details).toMatchObject({ purpose: 'revocation' })
      expect(await status.history(id)).toMatchObject([
        { actor: 'clerk@city-hall', reason: 'moved away', previous: 0, value: 1, credentialId: id, at: NOW },
      ])
    },
  )

  it('behavior: a suspension shows once the cached list expires, and a reinstatement lifts it', async () => {
    const { card, status, id, verifier } = await scene()
    expect((await verifier.check(card.token)).ok).toBe(true)

    await status.suspend(id, { actor: 'clerk@city-hall', reason: 'document check' })
    // Within the list's 60 s lifetime the verifier answers from its cache, without a request.
    expect((await verifier.check(card.token)).ok).toBe(true)
    now += 61_000
    expect(failedCheck(await verifier.check(card.token))).toMatchObject({
      name: 'status',
      code: 'ERR_CREDENTIAL_SUSPENDED',
    })

    await status.reinstate(id, { actor: 'clerk@city-hall', reason: 'documents seen' })
    now += 61_000
    expect((await verifier.check(card.token)).ok).toBe(true)
    expect((await status.history(id)).map(({ value }) => value)).toEqual([1, 0])
  })

  it('behavior: an unchanged list is revalidated with If-None-Match and served 304', async () => {
    const { card, verifier, status } = await scene()
    const answers: number[] = []
    server.serve(async (request) => {
      const response = await status.handler(request)
      if (request.url === revocationListUrl(card.token)) answers.push(response.status)
      return response
    })
    expect((await verifier.check(card.token)).ok).toBe(true)
    expect((await verifier.check(card.token)).ok).toBe(true)
    now += 61_000
    expect((await verifier.check(card.token)).ok).toBe(true)
    expect(answers).toEqual([200, 304])
  })

  it('behavior: a warm cache answers repeated checks with no request and no list verification; maxAgeMs 0 revalidates each time', async () => {
    const { card, resolver, status } = await scene()
    const requests: number[] = []
    server.serve(async (request) => {
      const response = await status.handler(request)
      requests.push(response.status)
      return response
    })
    let resolutions = 0
    const counting = {
      resolve: (did: string, options?: Parameters<typeof resolver.resolve>[1]) => {
        resolutions++
        return resolver.resolve(did, options)
      },
    }
    const checker = createStatusChecker({ resolver: counting, clock, ...LOOPBACK })
    const verified = await verifyCredential(card.token, { resolver, clock })
    await checker.check(verified)
    // Two lists (revocation and suspension), each fetched and verified once.
    expect(requests).toEqual([200, 200])
    const verifications = resolutions
    expect(verifications).toBeGreaterThan(0)
    for (let i = 0; i < 20; i++) expect((await checker.check(verified)).entries).toHaveLength(2)
    expect(requests).toEqual([200, 200])
    expect(resolutions).toBe(verifications)
    // maxAgeMs 0 asks again every time; the unchanged lists come back 304 and are not verified again.
    await checker.check(verified, { maxAgeMs: 0 })
    expect(requests).toEqual([200, 200, 304, 304])
    expect(resolutions).toBe(verifications)
  })

  it('error: a list signed by another issuer is refused with ERR_STATUS_LIST_INVALID', async () => {
    const { card, verifier, keyStore } = await scene()
    const impostor = await createDidKey({ keyStore, alg: 'EdDSA' })
    server.serve(async (request) => {
      const list = await createStatusListCredential({
        id: request.url,
        issuer: impostor.did,
        statusPurpose: request.url.includes('suspension') ? 'suspension' : 'revocation',
        list: createStatusList(),
      })
      const signed = await issueCredential({ issuer: impostor, credential: list, validFor: YEAR, clock })
      return new Response(signed.token, { headers: { 'content-type': 'application/vc+jwt' } })
    })
    const report = await verifier.check(card.token)
    expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
    expect(report.error?.message).toMatch(/signed by another issuer/)
  })

  it('error: a list served with the wrong purpose is refused with ERR_STATUS_LIST_INVALID', async () => {
    const { card, verifier, city } = await scene()
    server.serve(async (request) => {
      const list = await createStatusListCredential({
        id: request.url,
        issuer: city.did,
        statusPurpose: 'message',
        list: createStatusList(),
      })
      const signed = await issueCredential({ issuer: city, credential: list, validFor: YEAR, clock })
      return new Response(signed.token)
    })
    const report = await verifier.check(card.token)
    expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
    expect(report.error?.message).toMatch(/statusPurpose does not include revocation/)
  })

  it('error: an index outside the list is refused with ERR_STATUS_INDEX_OUT_OF_RANGE', async () => {
    const { city, citizen, verifier } = await scene()
    const registry = {
      allocate: async () => ({ listId: 'far', index: 131_072 }),
    }
    const publisher = createStatusListPublisher({
      registry: createMemoryStatusRegistry({ clock }),
      issuer: city,
      baseUrl: `${server.origin}/status`,
      clock,
    })
    const card = await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      validFor: YEAR,
      clock,
      status: { registry, listUrl: publisher.listUrl },
    })
    server.serve(async (request) => {
      const list = await createStatusListCredential({
        id: request.url,
        issuer: city.did,
        statusPurpose: 'revocation',
        list: createStatusList(),
      })
      return new Response((await issueCredential({ issuer: city, credential: list, clock })).token)
    })
    expect(failedCheck(await verifier.check(card.token))).toMatchObject({
      name: 'status',
      code: 'ERR_STATUS_INDEX_OUT_OF_RANGE',
    })
  })

  it('error: a tampered list token is refused with ERR_STATUS_LIST_INVALID', async () => {
    const { card, verifier, status } = await scene()
    server.serve(async (request) => {
      const served = await status.handler(request)
      const [header, payload, signature] = (await served.text()).split('.')
      const flipped = `${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`
      return new Response([header, payload, flipped].join('.'))
    })
    expect(failedCheck(await verifier.check(card.token))).toMatchObject({
      name: 'status',
      code: 'ERR_STATUS_LIST_INVALID',
    })
  })

  it('error: an unreachable list fails closed with ERR_STATUS_LIST_UNAVAILABLE unless policy accepts it', async () => {
    const { card, resolver, city } = await scene()
    server.serve(async () => new Response('down for maintenance', { status: 503 }))
    const strict = createVerifier({
      resolver,
      trust: { ResidencyCard: [city.did] },
      clock,
      status: LOOPBACK,
    })
    expect(failedCheck(await strict.check(card.token))).toMatchObject({
      name: 'status',
      code: 'ERR_STATUS_LIST_UNAVAILABLE',
    })
    const lenient = createVerifier({
      resolver,
      trust: { ResidencyCard: [city.did] },
      clock,
      status: { ...LOOPBACK, onUnavailable: 'accept' },
    })
    const report = await lenient.check(card.token)
    expect(report.ok).toBe(true)
    expect(report.checks.find((check) => check.name === 'status')?.note).toMatch(/unreachable/)
  })

  it('error: an oversized list body is refused with ERR_STATUS_LIST_INVALID, plain http without allowHttp too', async () => {
    const { card, resolver, city, verifier } = await scene()
    server.serve(async () => new Response('x'.repeat(2_000_000)))
    const report = await verifier.check(card.token)
    expect(failedCheck(report)).toMatchObject({ code: 'ERR_STATUS_LIST_INVALID' })
    expect(report.error?.cause).toMatchObject({ code: 'ERR_INPUT_TOO_LARGE', details: { limit: 1_048_576 } })
    const httpsOnly = createVerifier({ resolver, trust: { ResidencyCard: [city.did] }, clock })
    expect(failedCheck(await httpsOnly.check(card.token))).toMatchObject({ code: 'ERR_STATUS_LIST_INVALID' })
  })

  it('error: a list on 127.0.0.1 is refused by the guard unless allow-listed, before any request', async () => {
    const { card, resolver, city } = await scene()
    const trust = { ResidencyCard: [city.did] }
    const before = server.requests
    const guarded = createVerifier({ resolver, trust, clock, status: { allowHttp: true } })
    const report = await guarded.check(card.token)
    expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
    expect(report.error?.details).toMatchObject({ reason: 'ERR_ADDRESS_FORBIDDEN', guard: 'address' })
    expect(report.error?.cause).toMatchObject({
      code: 'ERR_ADDRESS_FORBIDDEN',
      details: { address: '127.0.0.1' },
    })
    expect(server.requests).toBe(before)
    const allowListed = createVerifier({ resolver, trust, clock, status: LOOPBACK })
    expect((await allowListed.check(card.token)).ok).toBe(true)
    expect(server.requests).toBeGreaterThan(before)
  })

  it('error: a list host resolving to 10.0.0.1 or 127.0.0.1 is ERR_STATUS_LIST_INVALID; allow-listed, it is fetched', async () => {
    const port = new URL(server.origin).port
    const { card, resolver } = await scene('vc+jwt', `http://status.civitas.test:${port}`)
    const verified = await verifyCredential(card.token, { resolver, clock })
    for (const address of ['10.0.0.1', '127.0.0.1']) {
      const before = server.requests
      const checker = createStatusChecker({ resolver, clock, allowHttp: true, lookup: lookupTo(address) })
      const error = await checker.check(verified).catch((caught: unknown) => caught)
      expect(error).toMatchObject({
        code: 'ERR_STATUS_LIST_INVALID',
        details: { reason: 'ERR_ADDRESS_FORBIDDEN', guard: 'address' },
        cause: { code: 'ERR_ADDRESS_FORBIDDEN', details: { host: 'status.civitas.test', address } },
      })
      expect(server.requests).toBe(before)
    }
    const allowed = createStatusChecker({
      resolver,
      clock,
      allowHttp: true,
      allowHosts: ['status.civitas.test'],
      lookup: lookupTo('127.0.0.1'),
    })
    await expect(allowed.check(verified)).resolves.toMatchObject({
      entries: [{ purpose: 'revocation' }, { purpose: 'suspension' }],
    })
  })

  it('error: a list that redirects to another origin is refused; a same-origin redirect is followed', async () => {
    const port = new URL(server.origin).port
    const named = `http://status.civitas.test:${port}`
    const { card, resolver, status } = await scene('vc+jwt', named)
    const verified = await verifyCredential(card.token, { resolver, clock })
    let target = server.origin // another origin: the same server by its address
    server.serve(async (request) => {
      const url = new URL(request.url)
      if (url.pathname.startsWith('/moved/')) {
        return status.handler(new Request(`${named}${url.pathname.slice('/moved'.length)}`, request))
      }
      return new Response(null, { status: 302, headers: { location: `${target}/moved${url.pathname}` } })
    })
    const checker = () =>
      createStatusChecker({
        resolver,
        clock,
        allowHttp: true,
        allowHosts: ['status.civitas.test', '127.0.0.1'],
        lookup: lookupTo('127.0.0.1'),
      })
    await expect(checker().check(verified)).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
      details: { reason: 'ERR_FETCH_FAILED', guard: 'crossOriginRedirect' },
    })
    target = named
    await expect(checker().check(verified)).resolves.toMatchObject({ entries: [{}, {}] })
  })

  it('behavior: bundled lists let a verifier check status with no network at all', async () => {
    const { card, status, registry, resolver, city, id } = await scene()
    await status.revoke(id, { actor: 'clerk@city-hall' })
    const lists = await Promise.all(
      (await registry.listIds()).map(async (listId) => (await status.publish(listId))?.token ?? ''),
    )
    const offline = createStatusChecker({
      resolver,
      clock,
      lists,
      fetch: () => Promise.reject(new Error('network disabled')),
    })
    const verifier = createVerifier({
      resolver,
      trust: { ResidencyCard: [city.did] },
      clock,
      status: offline,
    })
    expect(failedCheck(await verifier.check(card.token))).toMatchObject({ code: 'ERR_CREDENTIAL_REVOKED' })
  })
})

function revocationListUrl(token: string): string | undefined {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  return [payload.credentialStatus].flat().find((entry) => entry.statusPurpose === 'revocation')
    ?.statusListCredential
}
