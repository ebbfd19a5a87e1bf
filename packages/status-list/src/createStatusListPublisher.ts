import { CivitasError, type Clock, isCivitasError, systemClock } from '@civitas/core'
import {
  type CredentialFormat,
  type CredentialStatusOptions,
  type CredentialStatusPurpose,
  issueCredential,
} from '@civitas/credentials'
import type { Identity } from '@civitas/did'
import { createStatusList } from './createStatusList.js'
import { createStatusListCredential } from './createStatusListCredential.js'
import { createStatusListHandler } from './createStatusListHandler.js'
import { createTokenStatusList } from './createTokenStatusList.js'
import { issueStatusListToken } from './issueStatusListToken.js'
import type { StatusAuditEntry, StatusListSnapshot, StatusRegistry } from './types.js'

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

const DEFAULT_TTL_MS = 5 * 60_000
const DEFAULT_VALID_FOR_MS = 24 * 3600_000

/**
 * Publishes a registry's lists as signed W3C status list credentials or, with `format:
 * 'statuslist+jwt'`, as IETF status list tokens, and gives the issuer one object for status: pass it
 * as `status` to `issueCredential` to add `credentialStatus` entries (or, for `dc+sd-jwt`, the
 * `status.status_list` claim), change states by credential id, and serve the lists with its
 * `handler` (`application/vc+jwt`, `application/jwt` or `application/statuslist+jwt`).
 *
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
  const baseUrl = checkBaseUrl(options.baseUrl)
  const ttlMs = checkDuration(options.ttlMs ?? DEFAULT_TTL_MS, 'ttlMs')
  const validForMs = checkDuration(options.validForMs ?? DEFAULT_VALID_FOR_MS, 'validForMs')
  const tokens = format === 'statuslist+jwt'
  if (tokens && options.purposes !== undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'purposes: a token status list keeps revocation and suspension in one 2-bit entry; leave purposes out',
    )
  }
  const purposes = options.purposes ?? ['revocation']
  const signed = new Map<string, Promise<{ document: SignedStatusList; state: string; refreshAt: number }>>()
  const listUrl = (listId: string) => `${baseUrl}/${encodeURIComponent(listId)}`

  async function sign(snapshot: StatusListSnapshot): Promise<SignedStatusList> {
    if (tokens) {
      const list = createTokenStatusList({ length: snapshot.length, bits: snapshot.statusSize })
      for (const { index, value } of snapshot.entries) list.set(index, value)
      const uri = listUrl(snapshot.listId)
      const { token } = await issueStatusListToken({ issuer, uri, list, ttlMs, validForMs, clock })
      return { token, format, updatedAt: snapshot.updatedAt, ttlMs }
    }
    const list = createStatusList({ length: snapshot.length, statusSize: snapshot.statusSize })
    for (const { index, value } of snapshot.entries) list.set(index, value)
    const credential = await createStatusListCredential({
      id: listUrl(snapshot.listId),
      issuer: issuer.did,
      statusPurpose: snapshot.purpose,
      list,
      ttlMs,
    })
    const credentialFormat = format as Exclude<StatusListFormat, 'statuslist+jwt'>
    const { token } = await issueCredential({
      issuer,
      credential,
      format: credentialFormat,
      validFor: validForMs,
      clock,
    })
    return { token, format, updatedAt: snapshot.updatedAt, ttlMs }
  }

  async function publish(listId: string): Promise<SignedStatusList | undefined> {
    const snapshot = await registry.getList(listId)
    if (snapshot === undefined) return undefined
    // The entries themselves decide whether the list changed: timestamps can tie within a millisecond.
    const state = JSON.stringify(snapshot.entries)
    const known = await signed.get(listId)?.catch(() => undefined)
    if (known !== undefined && known.state === state && clock() < known.refreshAt) return known.document
    // Signed lists are reused until they change, and re-signed halfway through their validity.
    const pending = sign(snapshot).then((document) => ({
      document,
      state,
      refreshAt: clock() + validForMs / 2,
    }))
    signed.set(listId, pending)
    return (await pending).document
  }

  const setStatus = (
    credentialId: string,
    purpose: CredentialStatusPurpose,
    value: number,
    change: StatusChange,
  ) => registry.setStatus({ credentialId, purpose }, { value, ...change })

  /** Token lists: one entry moves between VALID and SUSPENDED, and to INVALID for good. */
  async function setTokenStatus(credentialId: string, value: number, change: StatusChange) {
    const ref = { credentialId, purpose: 'revocation' } as const
    try {
      return await registry.setStatus(ref, { value, ...change, ...(value === 1 ? {} : { onlyFrom: [0, 2] }) })
    } catch (error) {
      if (isCivitasError(error) && error.code === 'ERR_INVALID_ARGUMENT' && error.details?.current === 1) {
        throw new CivitasError(
          'ERR_INVALID_ARGUMENT',
          'the credential is revoked for good; it cannot be suspended or reinstated',
          { details: { credentialId }, cause: error },
        )
      }
      throw error
    }
  }

  return {
    registry,
    purposes,
    listFormat: format,
    listUrl,
    publish,
    handler: createStatusListHandler({ getList: publish, ttlMs }),
    revoke: (credentialId, change) =>
      tokens ? setTokenStatus(credentialId, 1, change) : setStatus(credentialId, 'revocation', 1, change),
    suspend: (credentialId, change) =>
      tokens ? setTokenStatus(credentialId, 2, change) : setStatus(credentialId, 'suspension', 1, change),
    reinstate: (credentialId, change) =>
      tokens ? setTokenStatus(credentialId, 0, change) : setStatus(credentialId, 'suspension', 0, change),
    async history(credentialId) {
      const trails = await Promise.all(
        purposes.map((purpose) => registry.audit({ credentialId, purpose }).catch(ignoreMissingEntry)),
      )
      return trails.flat().sort((a, b) => a.at - b.at)
    },
  }
}

function ignoreMissingEntry(error: unknown): StatusAuditEntry[] {
  if (isCivitasError(error) && error.code === 'ERR_STATUS_ENTRY_NOT_FOUND') return []
  throw error
}

function checkBaseUrl(value: unknown): string {
  let url: URL | undefined
  try {
    url = new URL(String(value))
  } catch {
    url = undefined
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'baseUrl: expected an http(s) URL such as https://city.example/status',
    )
  }
  return url.href.replace(/\/+$/, '')
}

function checkDuration(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a positive number of milliseconds`)
  }
  return value
}
