import { CivitasError, type Clock } from '@civitas/core'
import { type CachedList, toCachedList } from './cachedList.js'
import { fetchListToken } from './fetchListToken.js'
import type { ListFetchSettings } from './listFetchSettings.js'
import type { ListKind } from './listKind.js'

/** How {@link refreshList} fetches and how long what it fetched may be used. */
export interface ListRefreshSettings {
  fetch: ListFetchSettings
  clock: Clock
  /** Lifetime when neither the HTTP headers nor the list give one, in milliseconds. */
  defaultTtlMs: number
  /** Upper bound on any lifetime, in milliseconds. */
  maxTtlMs: number
}

/**
 * Fetches a list again. With a `stale` copy the request is conditional (`If-None-Match`): a 304
 * keeps the copy for a new lifetime (the HTTP `max-age`, else the default), a new token is verified
 * and cached for the shortest of the HTTP `max-age`, the list's `ttl`, `maxTtlMs` and the list's own
 * validity.
 *
 * @throws the codes of `fetchListToken` and of the kind's verification; `ERR_STATUS_LIST_INVALID`
 *   for a 304 to an unconditional request.
 */
export async function refreshList(
  kind: ListKind,
  stale: CachedList | undefined,
  { fetch, clock, defaultTtlMs, maxTtlMs }: ListRefreshSettings,
): Promise<CachedList> {
  const fetched = await fetchListToken(kind.url, stale?.etag, { ...fetch, accept: kind.accept })
  const now = clock()
  if (!fetched.changed && stale !== undefined) {
    const ttl = Math.min(fetched.maxAgeMs ?? defaultTtlMs, maxTtlMs)
    return { ...stale, fetchedAt: now, expiresAt: Math.min(now + ttl, stale.validUntil) }
  }
  if (!fetched.changed)
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      `status list ${kind.url.slice(0, 200)} answered 304 unasked`,
    )
  const verified = await kind.verify(fetched.token)
  const ttl = fetched.maxAgeMs ?? verified.ttlMs ?? defaultTtlMs
  const until = verified.validUntil ?? Number.POSITIVE_INFINITY
  return toCachedList(verified, {
    fetchedAt: now,
    expiresAt: Math.min(now + Math.min(ttl, maxTtlMs), until),
    validUntil: until,
    ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
  })
}
