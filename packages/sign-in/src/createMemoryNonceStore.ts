import { type Clock, systemClock } from '@civitas/core'
import type { NonceStore } from './types.js'

/** Options for {@link createMemoryNonceStore}. */
export interface CreateMemoryNonceStoreOptions {
  /** Time source for expiry (default the system clock). */
  clock?: Clock
  /** Most entries kept; the oldest are dropped first (default 100,000). */
  maxEntries?: number
}

/**
 * A {@link NonceStore} in this process's memory: right for one relying-party instance; several
 * instances need a shared store such as `createRedisNonceStore`.
 *
 * @example
 * ```ts
 * import { createMemoryNonceStore } from '@civitas/sign-in'
 *
 * const store = createMemoryNonceStore()
 * await store.claim('response:abc', 60_000) // true
 * await store.claim('response:abc', 60_000) // false
 * ```
 */
export function createMemoryNonceStore(options: CreateMemoryNonceStoreOptions = {}): NonceStore {
  const { clock = systemClock, maxEntries = 100_000 } = options
  const entries = new Map<string, { value: string; expiresAt: number }>()

  function live(key: string) {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    if (clock() < entry.expiresAt) return entry
    entries.delete(key)
    return undefined
  }

  function put(key: string, value: string, ttlMs: number): void {
    entries.delete(key)
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next()
      if (!oldest.done) entries.delete(oldest.value)
    }
    entries.set(key, { value, expiresAt: clock() + ttlMs })
  }

  return {
    async set(key, value, ttlMs) {
      put(key, value, ttlMs)
    },
    async get(key) {
      return live(key)?.value
    },
    async claim(key, ttlMs) {
      if (live(key) !== undefined) return false
      put(key, '1', ttlMs)
      return true
    },
    async close() {
      entries.clear()
    },
  }
}
