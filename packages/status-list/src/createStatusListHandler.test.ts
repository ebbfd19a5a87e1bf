import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeListener } from '@civitas/core/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStatusList } from './createStatusList.js'
import { createStatusListHandler, type StatusListDocument } from './createStatusListHandler.js'
import { decodeStatusList } from './decodeStatusList.js'

const list = createStatusList()
const lists = new Map<string, StatusListDocument>()
let server: Server
let base: string

beforeAll(async () => {
  list.set(42, 1)
  lists.set('jwt', { token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln', format: 'vc+jwt', updatedAt: 1_700_000_000_000 })
  lists.set('legacy', {
    token: 'eyJhbGciOiJFZERTQSJ9.e30.bGVnYWN5',
    format: 'jwt_vc_json',
    updatedAt: 0,
    ttlMs: 5_000,
  })
  lists.set('json', {
    credential: { type: ['VerifiableCredential'], credentialSubject: { encodedList: await list.encode() } },
    updatedAt: new Date(1_700_000_000_000),
  })
  const handler = createStatusListHandler({
    getList: async (id) => {
      if (id === 'broken') throw new Error('database down')
      return lists.get(id)
    },
    ttlMs: 60_000,
  })
  server = createServer(createNodeListener(handler))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('createStatusListHandler over node:http on 127.0.0.1', () => {
  it('behavior: serves a vc+jwt list with a strong ETag, Cache-Control and Last-Modified', async () => {
    const response = await fetch(`${base}/jwt`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vc+jwt')
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.get('last-modified')).toBe(new Date(1_700_000_000_000).toUTCString())
    expect(await response.text()).toBe('eyJhbGciOiJFZERTQSJ9.e30.c2ln')
  })

  it('behavior: If-None-Match with the current ETag gets 304 without a body; a stale one gets 200', async () => {
    const first = await fetch(`${base}/jwt`)
    const etag = first.headers.get('etag') ?? ''
    const again = await fetch(`${base}/jwt`, { headers: { 'if-none-match': `"other", ${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    const weak = await fetch(`${base}/jwt`, { headers: { 'if-none-match': `W/${etag}` } })
    expect(weak.status).toBe(304)
    const stale = await fetch(`${base}/jwt`, { headers: { 'if-none-match': '"stale"' } })
    expect(stale.status).toBe(200)
  })

  it('behavior: jwt_vc_json lists are application/jwt and honour a per-list ttl', async () => {
    const response = await fetch(`${base}/legacy`)
    expect(response.headers.get('content-type')).toBe('application/jwt')
    expect(response.headers.get('cache-control')).toBe('public, max-age=5')
  })

  it('behavior: a credential as JSON is served as application/vc and its list decodes', async () => {
    const response = await fetch(`${base}/json`)
    expect(response.headers.get('content-type')).toBe('application/vc; charset=utf-8')
    const body = (await response.json()) as { credentialSubject: { encodedList: string } }
    expect(decodeStatusList(body.credentialSubject.encodedList).get(42)).toBe(1)
  })

  it('behavior: the ETag changes when the list changes', async () => {
    const before = (await fetch(`${base}/json`)).headers.get('etag')
    list.set(43, 1)
    lists.set('json', { credential: { encodedList: await list.encode() }, updatedAt: Date.now() })
    const after = (await fetch(`${base}/json`)).headers.get('etag')
    expect(after).not.toBe(before)
  })

  it('behavior: HEAD returns headers without a body', async () => {
    const response = await fetch(`${base}/jwt`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).not.toBeNull()
  })

  it('error: an unknown list is 404 and not cached', async () => {
    const response = await fetch(`${base}/nope`)
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('error: a failing getList is 503 and leaks nothing', async () => {
    const response = await fetch(`${base}/broken`)
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('')
  })

  it('error: other methods get 405 with Allow', async () => {
    const response = await fetch(`${base}/jwt`, { method: 'POST', body: 'x' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('error: bad options are refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => createStatusListHandler({} as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createStatusListHandler({ getList: async () => undefined, ttlMs: -1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
