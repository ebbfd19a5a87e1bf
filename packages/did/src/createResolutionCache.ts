import { CivitasError, type Clock, systemClock } from '@civitas/core'
import type { DIDResolutionResult, ParsedDID, WrappedResolver } from 'did-resolver'
import { deepFreeze } from './internal/deepFreeze.js'
import type { ResolutionCache } from './types.js'

/** Options for {@link createResolutionCache}. */
export interface CreateResolutionCacheOptions {
  /** Most documents kept; the least recently used goes first (default 1,000). */
  maxEntries?: number
  /** How long a document stays fresh, in milliseconds (default 15 minutes). */
  ttlMs?: number
  /** Time source (default the system clock). */
  clock?: Clock
}

interface Entry {
  readonly result: DIDResolutionResult
  readonly expiresAt: number
}

/**
 * A bounded TTL + LRU cache for DID resolution, to pass as `createResolver({ cache })`. Only
 * successful resolutions are cached, frozen so no caller can alter what the next one reads; URLs
 * with `?no-cache=true` bypass it, as did-resolver's own cache does. A method that knows how long
 * its answer stays fresh says so in `didResolutionMetadata.maxAgeMs` (did:web passes on the
 * host's `Cache-Control: max-age`): the entry then lives that long, never longer than `ttlMs`,
 * and `0` keeps it out of the cache.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a non-positive `maxEntries` or `ttlMs`.
 * @example
 * ```ts
 * import { createResolutionCache, createResolver } from '@civitas/did'
 *
 * const resolver = createResolver({ cache: createResolutionCache({ maxEntries: 500, ttlMs: 60_000 }) })
 * ```
 */
export function createResolutionCache(options: CreateResolutionCacheOptions = {}): ResolutionCache {
  const { maxEntries = 1000, ttlMs = 15 * 60_000, clock = systemClock } = options
  for (const [name, value] of [
    ['maxEntries', maxEntries],
    ['ttlMs', ttlMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a positive integer`)
    }
  }
  const entries = new Map<string, Entry>()

  /** The fresh entry's result, now the most recently used; an expired entry is dropped. */
  function peek(key: string): DIDResolutionResult | undefined {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    entries.delete(key)
    if (entry.expiresAt <= clock()) return undefined
    entries.set(key, entry)
    return entry.result
  }

  async function cache(parsed: ParsedDID, resolve: WrappedResolver): Promise<DIDResolutionResult> {
    if ((parsed as { params?: Record<string, string> }).params?.['no-cache'] === 'true') return resolve()
    // A query selects a version (`?versionId=…`, `?versionTime=…`): each is cached apart.
    const key = parsed.query ? `${parsed.did}?${parsed.query}` : parsed.did
    const cached = peek(key)
    if (cached !== undefined) return cached
    const result = await resolve()
    const lifetime = lifetimeOf(result, ttlMs)
    if (result.didResolutionMetadata?.error === undefined && result.didDocument != null && lifetime > 0) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
      entries.set(key, { result: deepFreeze(result), expiresAt: clock() + lifetime })
    }
    return result
  }
  return Object.defineProperties(cache, {
    peek: { value: peek },
    clear: { value: () => entries.clear() },
    size: { get: () => entries.size },
  }) as ResolutionCache
}

/** How long a result may stay: `ttlMs`, shortened by the method's `maxAgeMs` hint when it has one. */
function lifetimeOf(result: DIDResolutionResult, ttlMs: number): number {
  const hint: unknown = result.didResolutionMetadata?.maxAgeMs
  return typeof hint === 'number' && hint >= 0 ? Math.min(ttlMs, hint) : ttlMs
}
