import type { Clock } from '@civitas/core'
import type { CachedList } from './cachedList.js'
import type { ListKind } from './listKind.js'

/** The lists a status checker holds: bundled ones first, then fetched ones until they expire. */
export interface ListCache {
  /**
   * The list of a kind: a bundled one while valid, a cached one while fresh and fetched at most
   * `maxAgeMs` ago, else refreshed (one refresh per list at a time, shared by concurrent checks).
   */
  get(kind: ListKind, maxAgeMs: number): Promise<CachedList>
}

/**
 * Creates the cache of a status checker's lists around `refresh`, which fetches a list again
 * (conditionally, given the stale copy).
 *
 * @throws from `get`: whatever the bundle or `refresh` throw.
 */
export function createListCache(options: {
  bundled: Promise<Map<string, CachedList>>
  clock: Clock
  refresh: (kind: ListKind, stale: CachedList | undefined) => Promise<CachedList>
}): ListCache {
  const { bundled, clock, refresh } = options
  const cache = new Map<string, CachedList>()
  const pending = new Map<string, Promise<CachedList>>()
  return {
    async get(kind, maxAgeMs) {
      const offline = (await bundled).get(kind.key)
      if (offline !== undefined && clock() < offline.expiresAt) return offline
      const cached = cache.get(kind.key)
      const now = clock()
      // maxAgeMs 0 revalidates always, even a list fetched within the same millisecond.
      if (cached !== undefined && now < cached.expiresAt && now - cached.fetchedAt < maxAgeMs) return cached
      let inFlight = pending.get(kind.key)
      if (inFlight === undefined) {
        inFlight = refresh(kind, cached).finally(() => pending.delete(kind.key))
        pending.set(kind.key, inFlight)
      }
      const fresh = await inFlight
      cache.set(kind.key, fresh)
      return fresh
    },
  }
}
