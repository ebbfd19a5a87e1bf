import { describe, expect, it } from 'vitest'
import { type CachedList, toCachedList } from './cachedList.js'
import { createListCache } from './createListCache.js'
import type { ListKind } from './listKind.js'

const kind: ListKind = {
  key: 'https://city.example/status/1',
  url: 'https://city.example/status/1',
  accept: 'application/vc+jwt',
  verify: () => Promise.reject(new Error('not fetched in these tests')),
}

function setting(bundled: Map<string, CachedList> = new Map()) {
  let now = 1_000
  const stales: (CachedList | undefined)[] = []
  const cache = createListCache({
    bundled: Promise.resolve(bundled),
    clock: () => now,
    refresh: async (_, stale) => {
      stales.push(stale)
      return toCachedList(
        { credential: { n: stales.length } },
        { fetchedAt: now, expiresAt: now + 60, validUntil: 1e9 },
      )
    },
  })
  return { cache, stales, advance: (ms: number) => (now += ms) }
}

describe('createListCache', () => {
  it('behavior: a fresh list is reused; an expired one is refreshed with the stale copy', async () => {
    const { cache, stales, advance } = setting()
    const first = await cache.get(kind, Number.POSITIVE_INFINITY)
    advance(59)
    expect(await cache.get(kind, Number.POSITIVE_INFINITY)).toBe(first)
    advance(1)
    const second = await cache.get(kind, Number.POSITIVE_INFINITY)
    expect(second.credential).toEqual({ n: 2 })
    expect(stales).toEqual([undefined, first])
  })

  it('behavior: maxAgeMs 0 revalidates even a list fetched in the same millisecond', async () => {
    const { cache, stales } = setting()
    await cache.get(kind, 0)
    await cache.get(kind, 0)
    expect(stales).toHaveLength(2)
  })

  it('behavior: concurrent checks share one refresh', async () => {
    const { cache, stales } = setting()
    const [a, b] = await Promise.all([cache.get(kind, 10), cache.get(kind, 10)])
    expect(a).toBe(b)
    expect(stales).toHaveLength(1)
  })

  it('behavior: a bundled list is used while valid, then the list is fetched', async () => {
    const offline = toCachedList(
      { credential: { bundled: true } },
      { fetchedAt: 0, expiresAt: 1_010, validUntil: 1_010 },
    )
    const { cache, stales, advance } = setting(new Map([[kind.key, offline]]))
    expect(await cache.get(kind, 0)).toBe(offline)
    advance(10)
    expect((await cache.get(kind, 0)).credential).toEqual({ n: 1 })
    expect(stales).toEqual([undefined])
  })

  it('error: a failed refresh is thrown and not kept, so the next check tries again', async () => {
    let calls = 0
    const cache = createListCache({
      bundled: Promise.resolve(new Map()),
      clock: () => 0,
      refresh: async () => {
        calls += 1
        throw new Error(`down ${calls}`)
      },
    })
    await expect(cache.get(kind, 10)).rejects.toThrow('down 1')
    await expect(cache.get(kind, 10)).rejects.toThrow('down 2')
  })
})
