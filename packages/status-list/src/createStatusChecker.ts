import { CivitasError, type Clock, isCivitasError, type JsonObject, systemClock } from '@civitas/core'
import { type VerifiedCredential, verifyCredential } from '@civitas/credentials'
import type { Resolvable } from '@civitas/did'
import type { CheckStatusOptions, CheckStatusResult } from './checkStatus.js'
import { fetchListToken } from './internal/fetchListToken.js'
import type { StatusList } from './types.js'

/** Options of {@link createStatusChecker}. */
export interface CreateStatusCheckerOptions {
  /** Resolves the list issuers' DIDs to verify list signatures. */
  resolver: Resolvable
  /** Fetches lists (default the platform's `fetch`). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>
  /** Signed list credentials bundled for offline use; they are used before any fetch. */
  lists?: readonly string[]
  /** What an unreachable list means: `'fail'` (default) rejects, `'accept'` passes and reports it. */
  onUnavailable?: 'fail' | 'accept'
  /** Accept plain `http:` list URLs (development and loopback tests only). */
  allowHttp?: boolean
  /** Give up on a list after this long, in milliseconds (default 5,000). */
  timeoutMs?: number
  /** Largest list response read, in bytes (default 1 MiB). */
  maxBytes?: number
  /** Cache lifetime when neither the HTTP headers nor the list give one, in milliseconds (default 5 minutes). */
  defaultTtlMs?: number
  /** Upper bound on any cache lifetime, in milliseconds (default 1 hour). */
  maxTtlMs?: number
  /** Time source (default the system clock). */
  clock?: Clock
}

/** What {@link StatusChecker.check} found. */
export interface StatusCheckResult {
  /** One result per status entry the credential carries. */
  entries: CheckStatusResult[]
  /** Lists that could not be fetched and were let pass (only with `onUnavailable: 'accept'`). */
  unavailable: string[]
}

/** Checks credentials' status entries against their (cached) status lists. */
export interface StatusChecker {
  /**
   * Checks every `credentialStatus` entry of a verified credential.
   *
   * @throws `ERR_CREDENTIAL_REVOKED`, `ERR_CREDENTIAL_SUSPENDED`, `ERR_STATUS_LIST_UNAVAILABLE`,
   *   `ERR_STATUS_LIST_INVALID`, `ERR_STATUS_INDEX_OUT_OF_RANGE`, `ERR_CREDENTIAL_INVALID`.
   */
  check(
    credential: Pick<VerifiedCredential, 'issuer' | 'credential'>,
    options?: StatusCheckOptions,
  ): Promise<StatusCheckResult>
}

/** Options of {@link StatusChecker.check}. */
export interface StatusCheckOptions {
  /**
   * Use cached lists only when fetched at most this long ago, in milliseconds; `0` revalidates every
   * list now (a conditional request, cheap when it has not changed). Bundled lists are always used.
   */
  maxAgeMs?: number
}

interface CachedList {
  credential: JsonObject
  /** Decoded bitstrings by status size, so a cached list is inflated once. */
  decoded: Map<number, StatusList>
  fetchedAt: number
  expiresAt: number
  validUntil: number
  etag?: string
}

const DEFAULT_TTL_MS = 5 * 60_000
const MAX_TTL_MS = 3600_000

/**
 * Creates the verifier's side of W3C Bitstring Status Lists. Each list is fetched whole (so the
 * issuer never learns which credential is checked), its signature verified, its issuer required
 * to be the credential's issuer and its purpose the entry's, then cached for the shortest of the
 * HTTP `max-age`, the list's `ttl`, `maxTtlMs` and the list credential's own validity.
 *
 * @example
 * ```ts
 * import { verifyCredential } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 * import { createStatusChecker } from '@civitas/status-list'
 *
 * declare const token: string
 * const resolver = createResolver()
 * const status = createStatusChecker({ resolver })
 * await status.check(await verifyCredential(token, { resolver })) // throws ERR_CREDENTIAL_REVOKED if revoked
 * ```
 */
export function createStatusChecker(options: CreateStatusCheckerOptions): StatusChecker {
  const { resolver, clock = systemClock } = options
  const fetchOptions = {
    fetch: options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init)),
    allowHttp: options.allowHttp === true,
    timeoutMs: options.timeoutMs ?? 5000,
    maxBytes: options.maxBytes ?? 1_048_576,
  }
  const maxTtlMs = options.maxTtlMs ?? MAX_TTL_MS
  const cache = new Map<string, CachedList>()
  const pending = new Map<string, Promise<CachedList>>()
  const bundled = verifyBundle(options.lists ?? [])
  // A bundle that fails to verify fails every check that needs it, not the process.
  bundled.catch(() => undefined)

  async function verifyList(
    token: string,
    source: string,
  ): Promise<{ credential: JsonObject; validUntil?: number }> {
    try {
      const verified = await verifyCredential(token, { resolver, clock })
      return {
        credential: verified.credential,
        ...(verified.validUntil === undefined ? {} : { validUntil: verified.validUntil }),
      }
    } catch (cause) {
      const reason = isCivitasError(cause) ? cause.code : 'ERR_CREDENTIAL_INVALID'
      throw new CivitasError(
        'ERR_STATUS_LIST_INVALID',
        `status list ${source.slice(0, 200)} does not verify (${reason})`,
        {
          details: { statusListCredential: source.slice(0, 500), reason },
          cause,
        },
      )
    }
  }

  async function verifyBundle(tokens: readonly string[]): Promise<Map<string, CachedList>> {
    const lists = new Map<string, CachedList>()
    for (const [position, token] of tokens.entries()) {
      const { credential, validUntil } = await verifyList(token, `bundled #${position}`)
      if (typeof credential.id === 'string') {
        const until = validUntil ?? Number.POSITIVE_INFINITY
        lists.set(credential.id, {
          credential,
          decoded: new Map(),
          fetchedAt: clock(),
          expiresAt: until,
          validUntil: until,
        })
      }
    }
    return lists
  }

  async function refresh(url: string, stale: CachedList | undefined): Promise<CachedList> {
    const fetched = await fetchListToken(url, stale?.etag, fetchOptions)
    const now = clock()
    if (!fetched.changed && stale !== undefined) {
      const ttl = Math.min(fetched.maxAgeMs ?? DEFAULT_TTL_MS, maxTtlMs)
      return { ...stale, fetchedAt: now, expiresAt: Math.min(now + ttl, stale.validUntil) }
    }
    if (!fetched.changed)
      throw new CivitasError(
        'ERR_STATUS_LIST_UNAVAILABLE',
        `status list ${url.slice(0, 200)} answered 304 unasked`,
      )
    const { credential, validUntil } = await verifyList(fetched.token, url)
    const listTtl = (credential.credentialSubject as JsonObject | undefined)?.ttl
    const ttl =
      fetched.maxAgeMs ??
      (typeof listTtl === 'number' && listTtl >= 0 ? listTtl : (options.defaultTtlMs ?? DEFAULT_TTL_MS))
    const until = validUntil ?? Number.POSITIVE_INFINITY
    return {
      credential,
      decoded: new Map(),
      fetchedAt: now,
      expiresAt: Math.min(now + Math.min(ttl, maxTtlMs), until),
      validUntil: until,
      ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
    }
  }

  async function listFor(url: string, maxAgeMs: number): Promise<CachedList> {
    const offline = (await bundled).get(url)
    if (offline !== undefined && clock() < offline.expiresAt) return offline
    const cached = cache.get(url)
    const now = clock()
    if (cached !== undefined && now < cached.expiresAt && now - cached.fetchedAt <= maxAgeMs) return cached
    let inFlight = pending.get(url)
    if (inFlight === undefined) {
      inFlight = refresh(url, cached).finally(() => pending.delete(url))
      pending.set(url, inFlight)
    }
    const fresh = await inFlight
    cache.set(url, fresh)
    return fresh
  }

  return {
    async check(credential, checkOptions = {}) {
      const maxAgeMs = checkOptions.maxAgeMs ?? Number.POSITIVE_INFINITY
      const result: StatusCheckResult = { entries: [], unavailable: [] }
      for (const entry of statusEntries(credential.credential.credentialStatus)) {
        const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : ''
        let list: CachedList
        try {
          list = await listFor(url, maxAgeMs)
        } catch (error) {
          if (
            isCivitasError(error) &&
            error.code === 'ERR_STATUS_LIST_UNAVAILABLE' &&
            options.onUnavailable === 'accept'
          ) {
            result.unavailable.push(url)
            continue
          }
          throw error
        }
        result.entries.push(checkEntry(entry, list, credential.issuer, url, await loadCodec()))
      }
      return result
    },
  }
}

type Codec = [typeof import('./checkStatus.js'), typeof import('./decodeStatusList.js')]
let codec: Promise<Codec> | undefined

/**
 * The list decoder (GZIP inflation) loads with the first credential that names a status list, so a
 * browser verifier downloads it only when it needs it.
 */
function loadCodec(): Promise<Codec> {
  codec ??= Promise.all([import('./checkStatus.js'), import('./decodeStatusList.js')])
  return codec
}

function checkEntry(
  entry: JsonObject,
  list: CachedList,
  issuer: string,
  url: string,
  [{ checkStatus }, { decodeStatusList }]: Codec,
): CheckStatusResult {
  const decode: CheckStatusOptions['decode'] = (encodedList, options) => {
    const size = options.statusSize ?? 1
    const known = list.decoded.get(size)
    if (known !== undefined) return known
    const decoded = decodeStatusList(encodedList, options)
    list.decoded.set(size, decoded)
    return decoded
  }
  let checked: CheckStatusResult
  try {
    checked = checkStatus({ entry, listCredential: list.credential, issuer, decode })
  } catch (error) {
    if (isCivitasError(error) && error.code === 'ERR_ISSUER_MISMATCH') {
      throw new CivitasError(
        'ERR_STATUS_LIST_INVALID',
        `status list ${url.slice(0, 200)} was signed by another issuer than the credential's`,
        {
          details: { ...error.details, statusListCredential: url.slice(0, 500) },
          cause: error,
        },
      )
    }
    throw error
  }
  if (checked.code !== undefined) {
    const what = checked.code === 'ERR_CREDENTIAL_REVOKED' ? 'revoked' : 'suspended'
    throw new CivitasError(checked.code, `the issuer has ${what} this credential`, {
      details: { purpose: checked.purpose, index: checked.index, statusListCredential: url.slice(0, 500) },
    })
  }
  return checked
}

function statusEntries(value: unknown): JsonObject[] {
  if (value === undefined) return []
  const entries = Array.isArray(value) ? value : [value]
  if (
    entries.length > 16 ||
    entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
  ) {
    throw new CivitasError(
      'ERR_CREDENTIAL_INVALID',
      'credentialStatus: expected up to 16 status entry objects',
    )
  }
  return entries as JsonObject[]
}
