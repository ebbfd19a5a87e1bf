import { createServer, type Socket } from 'node:net'
import { issueCredential } from '@civitas/credentials'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createVerifier } from '@civitas/verifier'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookupTo } from '../support/loopbackHttps.js'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { failedCheck } from '../support/reports.js'
import { startStatusServer } from '../support/statusServer.js'

const clock = () => NOW

/**
 * `onUnavailable: 'accept'` lets a credential pass when its list is out of reach. Only a genuine
 * outage is that; whatever the guard refuses, and any answer that is not a list, fails closed.
 */
describe('status lists fail closed whatever onUnavailable says, except in a genuine outage', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(() => server.close())

  /** A card whose status list is published at `origin`, and a lenient verifier with `status` options. */
  async function scene(origin: string, status: Record<string, unknown>) {
    const parties = await createParties()
    const publisher = createStatusListPublisher({
      registry: createMemoryStatusRegistry({ clock }),
      issuer: parties.city,
      baseUrl: `${origin}/status`,
      clock,
    })
    const card = await issueCredential({
      issuer: parties.city,
      credential: residencyCard(parties.citizen.did),
      validFor: YEAR,
      clock,
      status: publisher,
    })
    const verifier = createVerifier({
      resolver: parties.resolver,
      trust: { ResidencyCard: [parties.city.did] },
      clock,
      status: { allowHttp: true, onUnavailable: 'accept', timeoutMs: 300, ...status },
    })
    return { card, verifier, publisher }
  }

  it.each([
    ['127.0.0.1', {}],
    ['169.254.169.254 (metadata)', { lookup: lookupTo('169.254.169.254') }],
    ['10.0.0.1', { lookup: lookupTo('10.0.0.1') }],
  ])(
    'error: a list the address guard refuses (%s) is ERR_STATUS_LIST_INVALID, never accepted, and never asked',
    async (_what, status) => {
      const port = new URL(server.origin).port
      const origin = 'lookup' in status ? `http://status.civitas.test:${port}` : server.origin
      const { card, verifier, publisher } = await scene(origin, status)
      server.serve(publisher.handler)
      const before = server.requests
      const report = await verifier.check(card.token)
      expect(report.ok).toBe(false)
      expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
      expect(report.error?.details).toMatchObject({ reason: 'ERR_ADDRESS_FORBIDDEN', guard: 'address' })
      expect(server.requests).toBe(before)
    },
  )

  it('behavior: allowLoopback reaches a list on 127.0.0.1; allowPrivateAddresses does not', async () => {
    const intranet = await scene(server.origin, { allowPrivateAddresses: true })
    server.serve(intranet.publisher.handler)
    const refused = await intranet.verifier.check(intranet.card.token)
    expect(failedCheck(refused)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
    expect(refused.error?.cause).toMatchObject({ details: { scope: 'loopback' } })
    const local = await scene(server.origin, { allowLoopback: true, onUnavailable: 'fail' })
    server.serve(local.publisher.handler)
    expect((await local.verifier.check(local.card.token)).ok).toBe(true)
  })

  it.each([
    ['404', async () => new Response('gone', { status: 404 })],
    ['403', async () => new Response('no', { status: 403 })],
    ['a body that is no list', async () => new Response('not a token')],
    ['a redirect to another origin', async () => Response.redirect('http://127.0.0.2:9/list', 302)],
  ])('error: a list answered with %s is ERR_STATUS_LIST_INVALID, never accepted', async (_what, answer) => {
    const { card, verifier } = await scene(server.origin, { allowHosts: ['127.0.0.1'] })
    server.serve(answer)
    const report = await verifier.check(card.token)
    expect(report.ok).toBe(false)
    expect(failedCheck(report)).toMatchObject({ name: 'status', code: 'ERR_STATUS_LIST_INVALID' })
  })

  it('behavior: an HTTP 503, a refused connection and a timeout are outages the policy accepts, with a note', async () => {
    const { card, verifier } = await scene(server.origin, { allowHosts: ['127.0.0.1'] })
    server.serve(async () => new Response('down for maintenance', { status: 503 }))
    const report = await verifier.check(card.token)
    expect(report.ok).toBe(true)
    expect(report.checks.find((check) => check.name === 'status')?.note).toMatch(/unreachable/)

    // A port nobody listens on: the connection is refused.
    const closed = await startStatusServer()
    await closed.close()
    const refused = await scene(closed.origin, { allowHosts: ['127.0.0.1'] })
    expect((await refused.verifier.check(refused.card.token)).ok).toBe(true)

    // A server that accepts the connection and never answers: the 300 ms timeout.
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => {
      sockets.add(socket)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const address = silent.address() as { port: number }
      const hung = await scene(`http://127.0.0.1:${address.port}`, { allowHosts: ['127.0.0.1'] })
      const late = await hung.verifier.check(hung.card.token)
      expect(late.ok).toBe(true)
      expect(late.checks.find((check) => check.name === 'status')?.note).toMatch(/unreachable/)
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })
})
