import type { CivitasErrorCode, Clock } from '@civitas/core'
import type { Resolvable } from '@civitas/did'

/** Bits per status entry: 1 for `revocation` / `suspension`, up to 8 for `message` lists. */
export type StatusSize = 1 | 2 | 4 | 8

/** What a status list records (W3C Bitstring Status List `statusPurpose`). */
export type StatusPurpose = 'revocation' | 'suspension' | 'message'

/** An in-memory bitstring status list (W3C Bitstring Status List v1.0). */
export interface StatusList {
  /** Number of entries (not bits). */
  readonly length: number
  /** Bits per entry. */
  readonly statusSize: StatusSize
  /** Reads entry `index`. @throws ERR_STATUS_INDEX_OUT_OF_RANGE */
  get(index: number): number
  /** Writes entry `index` (0 .. 2^statusSize - 1). @throws ERR_STATUS_INDEX_OUT_OF_RANGE, ERR_INVALID_ARGUMENT */
  set(index: number, value: number): void
  /** Encodes as `u` + base64url-no-pad(GZIP(bits)), the `encodedList` value. */
  encode(): Promise<string>
  /** A copy of the raw bitstring (index 0 is the most significant bit of byte 0). */
  toBytes(): Uint8Array
}

/** The `status_list` claim of a status list token: bits per entry and the compressed list. */
export interface TokenStatusListClaim {
  bits: StatusSize
  /** base64url (no padding) of the zlib-framed DEFLATE of the entries. */
  lst: string
}

/**
 * An in-memory IETF Token Status List (draft-ietf-oauth-status-list): entries of 1, 2, 4 or 8 bits,
 * index 0 in the least significant bits of byte 0 (the opposite of the W3C order). Values: 0 VALID,
 * 1 INVALID, 2 SUSPENDED, 3 and above application-specific.
 */
export interface TokenStatusList {
  /** Number of entries (not bits). */
  readonly length: number
  /** Bits per entry. */
  readonly bits: StatusSize
  /** Reads entry `index`. @throws ERR_STATUS_INDEX_OUT_OF_RANGE */
  get(index: number): number
  /** Writes entry `index` (0 .. 2^bits - 1). @throws ERR_STATUS_INDEX_OUT_OF_RANGE, ERR_INVALID_ARGUMENT */
  set(index: number, value: number): void
  /** Encodes as the token's `status_list` claim, `{ bits, lst }`. */
  encode(): TokenStatusListClaim
  /** A copy of the raw bytes (index 0 is the least significant bit of byte 0). */
  toBytes(): Uint8Array
}

/**
 * The status types of draft-ietf-oauth-status-list §7.1, by name: the values a Token Status List
 * entry holds (other values are application-specific).
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §7.1
 * @example
 * ```ts
 * import { createTokenStatusList, TOKEN_STATUS } from '@civitas/status-list'
 *
 * const list = createTokenStatusList({ bits: 2 })
 * list.set(12, TOKEN_STATUS.SUSPENDED)
 * list.get(12) === TOKEN_STATUS.SUSPENDED // true
 * ```
 */
export const TOKEN_STATUS = { VALID: 0, INVALID: 1, SUSPENDED: 2 } as const

/** Where a status entry lives: a list and an index in it. */
export interface StatusAllocation {
  /** The registry's id of the list (used in the list's URL). */
  listId: string
  /** The entry's index in the list. */
  index: number
  /** The list's purpose. */
  purpose: StatusPurpose
  /** The credential bound to the entry, when given at allocation. */
  credentialId?: string
}

/**
 * Names an entry either by list and index or by the credential bound to it. A credential may hold
 * one entry per purpose; `purpose` may be left out when it holds only one.
 */
export type StatusEntryRef =
  | { listId: string; index: number }
  | { credentialId: string; purpose?: StatusPurpose }

/** Options of {@link StatusRegistry.allocate}. */
export interface AllocateStatusOptions {
  /** The purpose of the list the entry goes in. */
  purpose: StatusPurpose
  /** Binds the entry to a credential id, unique in the registry. */
  credentialId?: string
  /**
   * Bits per entry (default 1). Lists are kept apart by purpose and size: Token Status Lists use one
   * 2-bit `revocation` entry per credential (0 VALID, 1 INVALID, 2 SUSPENDED).
   */
  statusSize?: StatusSize
}

/** Options of {@link StatusRegistry.setStatus}. */
export interface SetStatusOptions {
  /** The new value, 0 .. 2^statusSize - 1 of the entry's list (0 or 1 for 1-bit lists). */
  value: number
  /** Who makes the change (recorded in the audit trail). */
  actor: string
  /** Why (recorded in the audit trail). */
  reason?: string
  /**
   * Change the entry only if its current value is one of these, checked atomically with the change
   * (e.g. `[0, 2]`: never turn a revoked token list entry back). @throws ERR_INVALID_ARGUMENT otherwise
   */
  onlyFrom?: readonly number[]
}

/** One audit-trail record: who changed which entry, when, from what to what. */
export interface StatusAuditEntry {
  listId: string
  index: number
  credentialId?: string
  actor: string
  reason?: string
  previous: number
  value: number
  /** Milliseconds since the epoch. */
  at: number
}

/** A registry list's state, enough to build and publish its bitstring. */
export interface StatusListSnapshot {
  listId: string
  purpose: StatusPurpose
  /** Entries in the list. */
  length: number
  statusSize: StatusSize
  /** Entries whose value is not 0, by index ascending. */
  entries: { index: number; value: number }[]
  /** Milliseconds since the epoch of the last change (or creation). */
  updatedAt: number
}

/**
 * The issuer's durable store of status entries: random index allocation (herd privacy), state, and audit.
 * Implementations: `createMemoryStatusRegistry` and `createPostgresStatusRegistry` (`@civitas/status-list/postgres`).
 */
export interface StatusRegistry {
  /**
   * Allocates a random unused index in an open list of that purpose, rolling over to a new list when full. For a
   * `credentialId` that already holds an entry of that purpose it returns that entry (a retried issuance);
   * `ERR_INVALID_ARGUMENT` when that entry has another status size.
   */
  allocate(options: AllocateStatusOptions): Promise<StatusAllocation>
  /** Reads an allocated entry. @throws ERR_STATUS_ENTRY_NOT_FOUND */
  getStatus(ref: StatusEntryRef): Promise<number>
  /** Changes an allocated entry and records the change. @throws ERR_STATUS_ENTRY_NOT_FOUND, ERR_INVALID_ARGUMENT */
  setStatus(ref: StatusEntryRef, options: SetStatusOptions): Promise<StatusAuditEntry>
  /** Looks up an entry by credential id. @throws ERR_STATUS_ENTRY_NOT_FOUND */
  findEntry(ref: StatusEntryRef): Promise<StatusAllocation>
  /** A list's current state, or `undefined` for an unknown id. */
  getList(listId: string): Promise<StatusListSnapshot | undefined>
  /** Ids of all lists, oldest first. */
  listIds(): Promise<string[]>
  /** The audit trail, oldest first, optionally for one entry. */
  audit(ref?: StatusEntryRef): Promise<StatusAuditEntry[]>
  /** Releases resources (connections the registry opened itself). */
  close(): Promise<void>
}

/** Options of {@link checkStatus}. */
export interface CheckStatusOptions {
  /** The credential's `BitstringStatusListEntry` (one element of `credentialStatus`). */
  entry: unknown
  /** The status list credential's claims, fetched and with its signature already verified. */
  listCredential: unknown
  /** The issuer of the credential being checked; the list must come from the same issuer. */
  issuer?: string
  /** Minimum list length; default 131,072. */
  minimumLength?: number
  /** Decodes the list (default {@link decodeStatusList}); a memoized one saves inflating a cached list per check. */
  decode?: (encodedList: string, options: DecodeStatusListOptions) => StatusList
}

/** The outcome of {@link checkStatus}: `ok` is false for a revoked or suspended credential. */
export interface CheckStatusResult {
  ok: boolean
  /** `ERR_CREDENTIAL_REVOKED` or `ERR_CREDENTIAL_SUSPENDED` when `ok` is false. */
  code?: CivitasErrorCode
  purpose: StatusPurpose
  index: number
  /** The entry's value in the list. */
  status: number
  /** For `message` lists: the `statusMessage` entry matching the value, if any. */
  message?: string
}

/** Options of {@link decodeStatusList}. */
export interface DecodeStatusListOptions {
  /** Bits per entry (the entry's `statusSize`); default 1. */
  statusSize?: StatusSize
  /** Cap on the inflated bitstring; default 16 MB. */
  maxInflatedBytes?: number
  /** Cap on inflated / compressed size once past 1 MB; default 1,024. */
  maxRatio?: number
  /** Minimum number of entries; default 131,072 (the W3C minimum). */
  minimumLength?: number
}

/** The list {@link decodeStatusList} returns. */
export type DecodeStatusListResult = StatusList

/** Options of {@link decodeTokenStatusList}. */
export interface DecodeTokenStatusListOptions {
  /** Cap on the inflated list; default 16 MB. */
  maxInflatedBytes?: number
  /** Cap on inflated / compressed size once past 1 MB; default 1,024. */
  maxRatio?: number
}

/** The list {@link decodeTokenStatusList} returns. */
export type DecodeTokenStatusListResult = TokenStatusList

/** Options of {@link verifyStatusListToken}. */
export interface VerifyStatusListTokenOptions {
  /** Resolves the issuer's DID to find the signing key. */
  resolver: Resolvable
  /** The URI the credential names (`status.status_list.uri`); the token's `sub` must equal it. */
  uri: string
  /** The credential's issuer; the token's `iss` must equal it and its key must be one of that DID's. */
  issuer: string
  /** Time source (default the system clock). */
  clock?: Clock
  /** Tolerated clock difference in milliseconds (default 60,000, at most 300,000). */
  clockSkewMs?: number
  /** Longest token accepted, in characters (default 1 MiB). */
  maxLength?: number
  /** Cap on the inflated list; default 16 MB. */
  maxInflatedBytes?: number
}

/** A verified status list token. */
export interface VerifyStatusListTokenResult {
  list: TokenStatusList
  /** The issuer's DID (`iss`). */
  issuer: string
  /** The DID URL of the key that signed. */
  kid: string
  /** `sub`: the list's URI. */
  uri: string
  /** `iat` in milliseconds since the epoch. */
  issuedAt: number
  /** `exp` in milliseconds since the epoch, when the token has one. */
  expiresAt?: number
  /** `ttl` in milliseconds, when the token has one. */
  ttlMs?: number
}
