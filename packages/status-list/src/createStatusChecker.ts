import { type Clock, systemClock } from '@civitas/core'
import type { VerifiedCredential } from '@civitas/credentials'
import type { Resolvable } from '@civitas/did'
import type { GuardedFetchLookup } from '@civitas/did/web'
import type { ListVerification } from './internal/cachedList.js'
import { checkTokenStatusClaim } from './internal/checkTokenStatusClaim.js'
import { checkW3cStatusEntries } from './internal/checkW3cStatusEntries.js'
import { createListCache } from './internal/createListCache.js'
import { listFetchSettings } from './internal/listFetchSettings.js'
import type { ListLookup } from './internal/listKind.js'
import { passUnavailableList } from './internal/passUnavailableList.js'
import { refreshList } from './internal/refreshList.js'
import { verifyBundledLists } from './internal/verifyBundledLists.js'
import type { CheckStatusResult } from './types.js'

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
  const { resolver, clock = systemClock, onUnavailable } = options
  const fetch = listFetchSettings(options)
  const verification: ListVerification = { resolver, clock, maxLength: fetch.maxBytes }
  const bundled = verifyBundledLists(options.lists ?? [], verification)
  // A bundle that fails to verify fails every check that needs it, not the process.
  bundled.catch(() => undefined)
  const defaultTtlMs = options.defaultTtlMs ?? DEFAULT_TTL_MS
  const maxTtlMs = options.maxTtlMs ?? MAX_TTL_MS
  const lists = createListCache({
    bundled,
    clock,
    refresh: (kind, stale) => refreshList(kind, stale, { fetch, clock, defaultTtlMs, maxTtlMs }),
  })
  return {
    async check(credential, checkOptions = {}) {
      const maxAgeMs = checkOptions.maxAgeMs ?? Number.POSITIVE_INFINITY
      const unavailable: string[] = []
      const lookup: ListLookup = (kind) =>
        lists
          .get(kind, maxAgeMs)
          .catch((error) => passUnavailableList(error, kind.url, onUnavailable, unavailable))
      const entries =
        credential.format === 'dc+sd-jwt'
          ? await checkTokenStatusClaim(credential, lookup, verification)
          : await checkW3cStatusEntries(credential, lookup, verification)
      return { entries, unavailable }
    },
  }
}
