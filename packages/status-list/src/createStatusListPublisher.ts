import { type Clock, systemClock } from '@civitas/core'
import type { CredentialFormat, CredentialStatusOptions, CredentialStatusPurpose } from '@civitas/credentials'
import type { Identity } from '@civitas/did'
import { createStatusListHandler } from './createStatusListHandler.js'
import { createSignedListCache } from './internal/createSignedListCache.js'
import { createStatusTransitions } from './internal/createStatusTransitions.js'
import { readPublisherOptions } from './internal/readPublisherOptions.js'
import { readStatusHistory } from './internal/readStatusHistory.js'
import { signStatusList } from './internal/signStatusList.js'
import { STATUS_LIST_TOKEN_TYP } from './issueStatusListToken.js'
import type { StatusAuditEntry, StatusRegistry } from './types.js'

/** Options of {@link createStatusListPublisher}. */
export interface CreateStatusListPublisherOptions {
  /** Where entries are allocated and their state is kept. */
  registry: StatusRegistry
  /** Signs the list credentials; verifiers require it to be the issuer of the credentials listed. */
  issuer: Identity
  /** Lists are published at `${baseUrl}/${listId}`. */
  baseUrl: string
  /**
   * What the lists are published as: W3C status list credentials in `vc+jwt` (default) or
   * `jwt_vc_json`, for the `credentialStatus` of those formats; or IETF status list tokens
   * (`statuslist+jwt`), for the `status.status_list` claim of `dc+sd-jwt` credentials. One registry
   * can serve a publisher of each kind.
   */
  format?: StatusListFormat
  /**
   * W3C lists: the entries each issued credential gets (default `['revocation']`). Token lists keep
   * one 2-bit entry per credential (0 VALID, 1 INVALID, 2 SUSPENDED) and take no purposes.
   */
  purposes?: readonly CredentialStatusPurpose[]
  /** How long verifiers may cache a list, in milliseconds: the credential's `ttl` and HTTP `max-age` (default 5 minutes). */
  ttlMs?: number
  /** Validity of each signed list credential, in milliseconds (default 1 day); lists are re-signed before it ends. */
  validForMs?: number
  /** Time source (default the system clock). */
  clock?: Clock
}

/** How a publisher publishes lists: W3C status list credentials or IETF status list tokens. */
export type StatusListFormat = Exclude<CredentialFormat, 'dc+sd-jwt'> | 'statuslist+jwt'

/** Who changes a credential's status, and why; recorded in the registry's audit trail. */
export interface StatusChange {
  /** Who makes the change, e.g. `clerk@city-hall`. */
  actor: string
  /** Why, e.g. `moved away`. */
  reason?: string
}

/** A signed status list credential or token, ready to serve. */
export interface SignedStatusList {
  token: string
  format: StatusListFormat
  /** When the list last changed, in milliseconds since the epoch. */
  updatedAt: number
  ttlMs: number
}

/** The issuer's side of status: allocation at issuance, changes, and the published lists. */
export interface StatusListPublisher extends CredentialStatusOptions {
  readonly registry: StatusRegistry
  readonly purposes: readonly CredentialStatusPurpose[]
  /** What the lists are published as. */
  readonly listFormat: StatusListFormat
  /** The signed list credential for `listId`, or `undefined` for an unknown list; re-signed only when the list changed. */
  publish(listId: string): Promise<SignedStatusList | undefined>
  /** Serves `GET ${baseUrl}/:listId` with `ETag` and `Cache-Control`; mount it under `baseUrl`. */
  handler(request: Request): Promise<Response>
  /** Revokes a credential for good. */
  revoke(credentialId: string, change: StatusChange): Promise<StatusAuditEntry>
  /** Suspends a credential until it is reinstated (token lists: refused for a revoked one). */
  suspend(credentialId: string, change: StatusChange): Promise<StatusAuditEntry>
  /** Lifts a suspension (token lists: refused for a revoked credential, which stays revoked). */
  reinstate(credentialId: string, change: StatusChange): Promise<StatusAuditEntry>
  /** Every status change of a credential, oldest first. */
  history(credentialId: string): Promise<StatusAuditEntry[]>
}

/**
 * Publishes a registry's lists as signed W3C status list credentials or, with `format:
 * 'statuslist+jwt'`, as IETF status list tokens, and gives the issuer one object for status: pass it
 * as `status` to `issueCredential` to add `credentialStatus` entries (or, for `dc+sd-jwt`, the
 * `status.status_list` claim), change states by credential id, and serve the lists with its
 * `handler` (`application/vc+jwt`, `application/jwt` or `application/statuslist+jwt`).
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §5.1, §8 (Status List Response)
 * @throws `ERR_INVALID_ARGUMENT` for a `baseUrl` that is not an http(s) URL, bad durations, or
 *   `purposes` with `statuslist+jwt`; token lists' `suspend` and `reinstate` for a revoked credential;
 *   `revoke`, `suspend` and `reinstate` throw `ERR_STATUS_ENTRY_NOT_FOUND` for a credential without
 *   an entry of that purpose.
 * @example
 * ```ts
 * import { issueCredential } from '@civitas/credentials'
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidKey } from '@civitas/did/key'
 * import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
 *
 * const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
 * const status = createStatusListPublisher({
 *   registry: createMemoryStatusRegistry(),
 *   issuer: city,
 *   baseUrl: 'https://city.example/status',
 *   purposes: ['revocation', 'suspension'],
 * })
 * const card = await issueCredential({
 *   issuer: city,
 *   credential: { type: ['VerifiableCredential'], credentialSubject: { id: city.did } },
 *   status,
 * })
 * await status.suspend(card.id ?? '', { actor: 'clerk@city', reason: 'document check' })
 * ```
 */
export function createStatusListPublisher(options: CreateStatusListPublisherOptions): StatusListPublisher {
  const { registry, issuer, format = 'vc+jwt', clock = systemClock } = options
  const tokens = format === STATUS_LIST_TOKEN_TYP
  const { baseUrl, ttlMs, validForMs, purposes } = readPublisherOptions({ ...options, tokens })
  const listUrl = (listId: string) => `${baseUrl}/${encodeURIComponent(listId)}`
  const publish = createSignedListCache({
    getList: (listId) => registry.getList(listId),
    sign: async (snapshot): Promise<SignedStatusList> => {
      const signing = { issuer, format, url: listUrl(snapshot.listId), ttlMs, validForMs, clock }
      return { token: await signStatusList(snapshot, signing), format, updatedAt: snapshot.updatedAt, ttlMs }
    },
    validForMs,
    clock,
  })
  return {
    registry,
    purposes,
    listFormat: format,
    listUrl,
    publish,
    handler: createStatusListHandler({ getList: publish, ttlMs }),
    ...createStatusTransitions(registry, tokens),
    history: (credentialId) => readStatusHistory(registry, purposes, credentialId),
  }
}
