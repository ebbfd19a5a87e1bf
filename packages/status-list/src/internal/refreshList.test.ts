import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import { createStatusListPublisher } from '../createStatusListPublisher.js'
import { w3cListKind } from './listKind.js'
import { refreshList } from './refreshList.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')

/** A publisher whose handler answers the list requests, with its `max-age` of 60 s. */
async function setting(maxTtlMs = 3_600_000) {
  let now = NOW
  const clock = () => now
  const publisher = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256' }),
    baseUrl: 'https://city.example/status',
    ttlMs: 60_000,
    clock,
  })
  const { registry } = publisher
  const { listId } = await registry.allocate({ purpose: 'revocation', credentialId: 'card-1' })
  const requests: Request[] = []
  const fetch = async (url: string, init: RequestInit) => {
    requests.push(new Request(url, init))
    return publisher.handler(new Request(url, init))
  }
  const settings = {
    fetch: { fetch, redirect: 'error' as const, allowHttp: false, timeoutMs: 1000, maxBytes: 1_048_576 },
    clock,
    defaultTtlMs: 300_000,
    maxTtlMs,
  }
  const kind = w3cListKind(publisher.listUrl(listId), {
    resolver: createResolver(),
    clock,
    maxLength: 1_048_576,
  })
  return { settings, kind, requests, registry, advance: (ms: number) => (now += ms) }
}

describe('refreshList', () => {
  it('behavior: a first fetch is verified and kept for the HTTP max-age with its ETag', async () => {
    const { settings, kind, requests } = await setting()
    const list = await refreshList(kind, undefined, settings)
    expect(list.credential?.id).toBe(kind.url)
    expect(list).toMatchObject({ fetchedAt: NOW, expiresAt: NOW + 60_000 })
    expect(list.etag).toMatch(/^"/)
    expect(requests[0]?.headers.get('accept')).toBe('application/vc+jwt, application/jwt')
    expect(requests[0]?.headers.has('if-none-match')).toBe(false)
  })

  it('behavior: an unchanged list is revalidated with If-None-Match and the stale copy kept', async () => {
    const { settings, kind, requests, advance } = await setting()
    const stale = await refreshList(kind, undefined, settings)
    advance(61_000)
    const again = await refreshList(kind, stale, settings)
    expect(requests[1]?.headers.get('if-none-match')).toBe(stale.etag)
    expect(again.credential).toBe(stale.credential)
    expect(again).toMatchObject({ fetchedAt: NOW + 61_000, expiresAt: NOW + 121_000 })
  })

  it('behavior: a changed list is verified anew; lifetimes are capped by maxTtlMs', async () => {
    const { settings, kind, registry, advance } = await setting(10_000)
    const stale = await refreshList(kind, undefined, settings)
    expect(stale.expiresAt).toBe(NOW + 10_000)
    await registry.setStatus({ credentialId: 'card-1', purpose: 'revocation' }, { value: 1, actor: 'clerk' })
    advance(1)
    const fresh = await refreshList(kind, stale, settings)
    expect(fresh.etag).not.toBe(stale.etag)
    expect(fresh.credential).not.toBe(stale.credential)
  })

  it('behavior: a 304 without max-age keeps the copy for the default lifetime', async () => {
    const { settings, kind, advance } = await setting()
    const stale = await refreshList(kind, undefined, settings)
    advance(61_000)
    const bare = {
      ...settings,
      fetch: { ...settings.fetch, fetch: async () => new Response(null, { status: 304 }) },
    }
    const again = await refreshList(kind, stale, bare)
    expect(again).toMatchObject({ fetchedAt: NOW + 61_000, expiresAt: NOW + 61_000 + 300_000 })
  })

  it('error: a 304 to a request without If-None-Match is ERR_STATUS_LIST_INVALID', async () => {
    const { settings, kind } = await setting()
    const unasked = {
      ...settings,
      fetch: { ...settings.fetch, fetch: async () => new Response(null, { status: 304 }) },
    }
    await expect(refreshList(kind, undefined, unasked)).rejects.toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    })
  })
})
