import { CivitasError, type Clock, isCivitasError, type JsonObject, systemClock } from '@civitas/core'
import { type VerifiedCredential, verifyCredential } from '@civitas/credentials'
import type { Resolvable } from '@civitas/did'
import { createGuardedFetch, type GuardedFetchLookup } from '@civitas/did/web'
import {
  type CachedList,
  checkEntry,
  listOf,
  statusEntries,
  statusListTokenClaims,
} from './internal/cachedList.js'
import { fetchListToken } from './internal/fetchListToken.js'
import type { inflateCapped } from './internal/inflateCapped.js'
import { checkTokenStatus, readTokenStatusReference } from './internal/tokenStatusEntry.js'
import { STATUS_LIST_TOKEN_TYP } from './issueStatusListToken.js'
import type { CheckStatusResult, TokenStatusList } from './types.js'

/** Options of {@link createStatusChecker}. */
export interface CreateStatusCheckerOptions {
  /** Resolves the list issuers' DIDs to verify list signatures. */
  resolver: Resolvable
  /**
   * Fetches lists. The default is `createGuardedFetch` from `@civitas/did/web` with this checker's
   * `allowHttp`, `allowHosts`, `allowPrivateAddresses`, `allowLoopback`, `lookup`, `ca`, `timeoutMs` and `maxBytes`:
   * a list URL comes from the credential, so it gets the same guard as a did:web DID (no
   * loopback, private or metadata addresses, no cross-origin redirects). A function given here
   * replaces the guard, and redirects are then refused outright.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>
  /** Signed list credentials and status list tokens bundled for offline use; they are used before any fetch. */
  lists?: readonly string[]
  /**
   * What an unreachable list means: `'fail'` (default) rejects, `'accept'` passes and reports it.
   * Only a genuine outage (a network error, a timeout, an HTTP 5xx) is unreachable: a list the
   * address guard refuses, a redirect it does not follow, a 4xx or an invalid list fails closed
   * (`ERR_STATUS_LIST_INVALID`) whatever this says.
   */
  onUnavailable?: 'fail' | 'accept'
  /** Accept plain `http:` list URLs (development and loopback tests only). */
  allowHttp?: boolean
  /**
   * Hosts exempt from the guard's address checks (`['127.0.0.1']` for a list served on loopback
   * in development); compared without the port. Ignored when `fetch` is given.
   */
  allowHosts?: readonly string[]
  /**
   * Accept list hosts on private networks (RFC 1918, IPv6 ULA; intranet deployments), never loopback
   * or link-local and metadata addresses. Ignored when `fetch` is given.
   */
  allowPrivateAddresses?: boolean
  /** Accept list hosts on loopback (development on one machine). Ignored when `fetch` is given. */
  allowLoopback?: boolean
  /** Node only: the DNS lookup of the guard (default `dns.promises.lookup`). Ignored when `fetch` is given. */
  lookup?: GuardedFetchLookup
  /** Node only: certificate authorities to trust instead of Node's roots (PEM). Ignored when `fetch` is given. */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[]
  /** Give up on a list after this long, in milliseconds (default 5,000). */
  timeoutMs?: number
  /**
   * Largest list response read, in bytes (default 1 MiB); it also caps the list credential or token
   * verified, whether fetched or bundled.
   */
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
   * Checks a verified credential's status: every `credentialStatus` entry (W3C), or for `dc+sd-jwt`
   * the `status.status_list` claim (IETF Token Status List).
   *
   * @throws `ERR_CREDENTIAL_REVOKED`, `ERR_CREDENTIAL_SUSPENDED`, `ERR_CREDENTIAL_STATUS_UNKNOWN`,
   *   `ERR_STATUS_LIST_UNAVAILABLE`, `ERR_STATUS_LIST_INVALID`, `ERR_STATUS_INDEX_OUT_OF_RANGE`,
   *   `ERR_CREDENTIAL_INVALID`.
   */
  check(
    credential: Pick<VerifiedCredential, 'issuer' | 'credential'> &
      Partial<Pick<VerifiedCredential, 'format'>>,
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

const DEFAULT_TTL_MS = 5 * 60_000
const MAX_TTL_MS = 3600_000

/**
 * Creates the verifier's side of status lists: W3C Bitstring Status Lists (`credentialStatus`) and,
 * for SD-JWT VCs, IETF Token Status Lists (`status.status_list`). Each list is fetched whole (so the
 * issuer never learns which credential is checked), its signature verified, its issuer required
 * to be the credential's issuer (and a W3C list's purpose the entry's; a token's `typ`
 * `statuslist+jwt` and `sub` the credential's `uri`), then cached for the shortest of the HTTP
 * `max-age`, the list's `ttl`, `maxTtlMs` and the list's own validity (`validUntil` or `exp`).
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/ and draft-ietf-oauth-status-list §8.3
 *
 * Lists are fetched through `createGuardedFetch` (`@civitas/did/web`) unless `fetch` is given: a
 * list on loopback or a private network is refused (`ERR_STATUS_LIST_INVALID`, the guard's
 * `ERR_ADDRESS_FORBIDDEN` as `details.reason` and `cause`) until its host is in `allowHosts`. In
 * browsers the guard runs on the platform's `fetch` (the package's `browser`-side build never
 * loads `node:` modules) and the browser's own network rules take the place of the address checks.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm
 * @throws `ERR_INVALID_ARGUMENT` for guard options out of range (`timeoutMs`, `maxBytes` over 16 MiB).
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
  const timeoutMs = options.timeoutMs ?? 5000
  const maxBytes = options.maxBytes ?? 1_048_576
  const allowHttp = options.allowHttp === true
  const fetchOptions = {
    fetch: options.fetch ?? guardedFetchOf(options, { allowHttp, timeoutMs, maxBytes }),
    redirect: options.fetch === undefined ? ('follow' as const) : ('error' as const),
    allowHttp,
    timeoutMs,
    maxBytes,
  }
  const maxTtlMs = options.maxTtlMs ?? MAX_TTL_MS
  const cache = new Map<string, CachedList>()
  const pending = new Map<string, Promise<CachedList>>()
  const bundled = verifyBundle(options.lists ?? [])
  // A bundle that fails to verify fails every check that needs it, not the process.
  bundled.catch(() => undefined)

  /** A verified list and how long it may be used. */
  interface VerifiedList {
    credential?: JsonObject
    tokenList?: TokenStatusList
    validUntil?: number
    /** The list's own cache hint (`ttl`), in milliseconds. */
    ttlMs?: number
  }

  /** A kind of list: where it is cached and how a fetched token is verified. */
  interface ListKind {
    key: string
    url: string
    accept: string
    verify(token: string): Promise<VerifiedList>
  }

  function w3cKind(url: string): ListKind {
    return {
      key: url,
      url,
      accept: 'application/vc+jwt, application/jwt',
      verify: (token) => verifyList(token, url),
    }
  }

  // Token lists are verified against the credential's issuer, so the cache keeps them per issuer.
  function tokenKind(url: string, issuer: string): ListKind {
    return {
      key: `${STATUS_LIST_TOKEN_TYP} ${issuer} ${url}`,
      url,
      accept: 'application/statuslist+jwt',
      verify: (token) => verifyToken(token, url, issuer),
    }
  }

  async function verifyList(token: string, source: string): Promise<VerifiedList> {
    try {
      // The response cap bounds a list credential, as it bounds a list token: a city's list (ten million
      // entries, some set) outgrows the cap on ordinary credentials.
      const verified = await verifyCredential(token, { resolver, clock, maxLength: fetchOptions.maxBytes })
      const listTtl = (verified.credential.credentialSubject as JsonObject | undefined)?.ttl
      return {
        credential: verified.credential,
        ...(verified.validUntil === undefined ? {} : { validUntil: verified.validUntil }),
        ...(typeof listTtl === 'number' && listTtl >= 0 ? { ttlMs: listTtl } : {}),
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

  async function verifyToken(token: string, uri: string, issuer: string): Promise<VerifiedList> {
    // Token status list code (and its inflater) loads with the first token list.
    const { verifyListToken } = await import('./internal/verifyListToken.js')
    const verified = await verifyListToken(token, {
      resolver,
      uri,
      issuer,
      clock,
      maxLength: fetchOptions.maxBytes,
    })
    return {
      tokenList: verified.list,
      ...(verified.expiresAt === undefined ? {} : { validUntil: verified.expiresAt }),
      ...(verified.ttlMs === undefined ? {} : { ttlMs: verified.ttlMs }),
    }
  }

  async function verifyBundle(tokens: readonly string[]): Promise<Map<string, CachedList>> {
    const lists = new Map<string, CachedList>()
    for (const [position, token] of tokens.entries()) {
      const claims = statusListTokenClaims(token)
      const kind = claims === undefined ? undefined : tokenKind(String(claims.sub), String(claims.iss))
      const verified =
        kind === undefined ? await verifyList(token, `bundled #${position}`) : await kind.verify(token)
      const key =
        kind?.key ?? (typeof verified.credential?.id === 'string' ? verified.credential.id : undefined)
      if (key !== undefined) {
        const until = verified.validUntil ?? Number.POSITIVE_INFINITY
        lists.set(key, {
          ...listOf(verified),
          decoded: new Map(),
          fetchedAt: clock(),
          expiresAt: until,
          validUntil: until,
        })
      }
    }
    return lists
  }

  async function refresh(kind: ListKind, stale: CachedList | undefined): Promise<CachedList> {
    const { url } = kind
    const fetched = await fetchListToken(url, stale?.etag, { ...fetchOptions, accept: kind.accept })
    const now = clock()
    if (!fetched.changed && stale !== undefined) {
      const ttl = Math.min(fetched.maxAgeMs ?? DEFAULT_TTL_MS, maxTtlMs)
      return { ...stale, fetchedAt: now, expiresAt: Math.min(now + ttl, stale.validUntil) }
    }
    if (!fetched.changed)
      throw new CivitasError(
        'ERR_STATUS_LIST_INVALID',
        `status list ${url.slice(0, 200)} answered 304 unasked`,
      )
    const verified = await kind.verify(fetched.token)
    const ttl = fetched.maxAgeMs ?? verified.ttlMs ?? options.defaultTtlMs ?? DEFAULT_TTL_MS
    const until = verified.validUntil ?? Number.POSITIVE_INFINITY
    return {
      ...listOf(verified),
      decoded: new Map(),
      fetchedAt: now,
      expiresAt: Math.min(now + Math.min(ttl, maxTtlMs), until),
      validUntil: until,
      ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
    }
  }

  async function listFor(kind: ListKind, maxAgeMs: number): Promise<CachedList> {
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
  }

  /** Fetches (or reuses) a list; `undefined` when it is unreachable and policy accepts that. */
  async function listOrUnavailable(
    kind: ListKind,
    maxAgeMs: number,
    result: StatusCheckResult,
  ): Promise<CachedList | undefined> {
    try {
      return await listFor(kind, maxAgeMs)
    } catch (error) {
      if (
        isCivitasError(error) &&
        error.code === 'ERR_STATUS_LIST_UNAVAILABLE' &&
        options.onUnavailable === 'accept'
      ) {
        result.unavailable.push(kind.url)
        return undefined
      }
      throw error
    }
  }

  let inflate: typeof inflateCapped | undefined
  return {
    async check(credential, checkOptions = {}) {
      const maxAgeMs = checkOptions.maxAgeMs ?? Number.POSITIVE_INFINITY
      const result: StatusCheckResult = { entries: [], unavailable: [] }
      if (credential.format === 'dc+sd-jwt') {
        const reference = readTokenStatusReference(credential.credential)
        if (reference === undefined) return result
        const list = await listOrUnavailable(tokenKind(reference.uri, credential.issuer), maxAgeMs, result)
        if (list?.tokenList !== undefined) result.entries.push(checkTokenStatus(reference, list.tokenList))
        return result
      }
      for (const entry of statusEntries(credential.credential.credentialStatus)) {
        const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : ''
        const list = await listOrUnavailable(w3cKind(url), maxAgeMs, result)
        if (list === undefined) continue
        // The GZIP inflater loads with the first W3C list, not with every application.
        inflate ??= (await import('./internal/inflateCapped.js')).inflateCapped
        result.entries.push(checkEntry(entry, list, credential.issuer, url, inflate))
      }
      return result
    },
  }
}

function guardedFetchOf(
  options: CreateStatusCheckerOptions,
  limits: { allowHttp: boolean; timeoutMs: number; maxBytes: number },
): (url: string, init: RequestInit) => Promise<Response> {
  const { allowHosts, allowPrivateAddresses, allowLoopback, lookup, ca } = options
  return createGuardedFetch({
    ...limits,
    ...(allowHosts === undefined ? {} : { allowHosts }),
    ...(allowPrivateAddresses === undefined ? {} : { allowPrivateAddresses }),
    ...(allowLoopback === undefined ? {} : { allowLoopback }),
    ...(lookup === undefined ? {} : { lookup }),
    ...(ca === undefined ? {} : { ca }),
  })
}
