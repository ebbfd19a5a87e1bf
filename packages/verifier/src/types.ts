import type { CivitasError, CivitasErrorCode, Clock, JsonObject } from '@civitas/core'
import type { CheckName, VerifiedCredential } from '@civitas/credentials'
import type { CreateStatusCheckerOptions, StatusChecker } from '@civitas/status-list'

/** Every check a report can list: the verification checks, then the policy checks. */
export type ReportCheckName = CheckName | 'trust' | 'status' | 'type' | 'claims'

/** One line of a report. */
export interface ReportCheck {
  name: ReportCheckName
  ok: boolean
  status: 'passed' | 'failed' | 'skipped'
  code?: CivitasErrorCode
  /** Why a check passed only by policy, e.g. an unreachable status list accepted by `onUnavailable: 'accept'`. */
  note?: string
}

/** What a verifier concluded about a credential or a presentation, check by check. */
export interface Report {
  /** True only when every check that ran passed and none was left out. */
  ok: boolean
  kind: 'credential' | 'presentation'
  checks: ReportCheck[]
  /** The first failure. */
  error?: CivitasError
  /** The credential's issuer (credentials) or the first credential's issuer (presentations). */
  issuer?: string
  /** The presenter (presentations). */
  holder?: string
  types?: string[]
  /** The credential subject's claims. */
  claims?: JsonObject
  /** One report per embedded credential (presentations). */
  credentials?: Report[]
}

/**
 * Which issuers a verifier trusts: issuer DIDs per credential type (`{ ResidencyCard: ['did:web:tartu.ee'] }`),
 * a predicate over each verified credential, or `'any'` to skip the trust check explicitly.
 */
export type TrustPolicy =
  | Readonly<Record<string, readonly string[]>>
  | ((credential: VerifiedCredential) => boolean | Promise<boolean>)
  | 'any'

/** What a particular check demands beyond the verifier's defaults. */
export interface CheckExpectations {
  /** The audience the presentation must be addressed to. */
  audience?: string
  /** The nonce the verifier issued. */
  nonce?: string
  /** Credential types accepted; a credential must carry at least one. */
  types?: readonly string[]
  /**
   * Claims every credential subject must carry, as dotted paths (`address.locality`); for an
   * SD-JWT VC, claims that must be disclosed (`age_equal_or_over.18`).
   */
  requiredClaims?: readonly string[]
  /** Accept credentials whose subject is not the presenter. */
  allowBearer?: boolean
  /** Use cached status lists only when fetched at most this long ago, in milliseconds; `0` revalidates now. */
  statusMaxAgeMs?: number
}

/**
 * Remembers presentations a verifier accepted, so that each is accepted once: any store with an
 * atomic `claim`, such as the `NonceStore`s of `@civitas/sign-in` (memory, and Redis for verifiers
 * that share one memory across instances).
 */
export interface ReplayStore {
  /** Atomically claims `key` for `ttlMs`: `true` for the first caller, `false` for every later one. */
  claim(key: string, ttlMs: number): Promise<boolean>
}

/** Options for {@link createVerifier}. */
export interface CreateVerifierOptions {
  /**
   * Resolves issuer and holder DIDs. Optional with a trust bundle: the bundle's DID documents answer for
   * its issuers, and this resolver (by default did:key and did:jwk, which need no network) for the rest.
   */
  resolver?: import('@civitas/did').Resolvable
  /** Which issuers to trust. Without one (and without a bundle), every credential fails the trust check. */
  trust?: TrustPolicy
  /**
   * A signed trust bundle (`createTrustBundle`) for offline checks: trust comes from its issuer → types
   * table, DID documents of its issuers from the bundle, status from its lists. Exclusive with `trust`.
   */
  bundle?: string
  /** The DID of the trust authority that must have signed `bundle` (required with `bundle`). */
  bundleAuthority?: string
  /** Refuse (with `ERR_TRUST_BUNDLE_STALE`) a bundle signed longer ago than this, in milliseconds. */
  bundleMaxAgeMs?: number
  clock?: Clock
  clockSkewMs?: number
  /** The oldest presentation accepted, in milliseconds (default 5 minutes). */
  maxPresentationAgeMs?: number
  /**
   * Replay memory for presentations: each is claimed, by its audience and nonce (or, without a
   * nonce, its audience, holder and `iat`), for as long as it could pass the freshness check, and a
   * second check of it fails the `nonce` check with `ERR_NONCE_REPLAYED`; a store that cannot answer
   * fails it with the store's code (`ERR_STORE_UNAVAILABLE`). Without one a verifier keeps no memory:
   * the same presentation passes every check within its freshness window (`maxPresentationAgeMs`),
   * and the caller must make its nonces single-use itself.
   */
  replay?: ReplayStore
  /** JSON Schemas by id, beyond the built-in templates'. */
  schemas?: Readonly<Record<string, JsonObject>>
  /**
   * How credentials' status lists are checked: a checker from `createStatusChecker`, or options for
   * one that shares this verifier's resolver and clock. By default lists are fetched over https
   * through the did:web guard (`createGuardedFetch`: a list on a loopback or private address is
   * refused unless its host is in `allowHosts`), cached, and an unreachable list fails the check. With a trust bundle, its lists are added to these
   * options' `lists`; a checker given here is used as it is.
   */
  status?: StatusChecker | Omit<CreateStatusCheckerOptions, 'resolver' | 'clock'>
}

/** An issuer a trust bundle vouches for: its DID, the credential types it may issue, and its DID document. */
export interface TrustBundleIssuer {
  /** The issuer's DID. */
  id: string
  /** Credential types (VC `type` entries or SD-JWT `vct` values) this issuer is trusted for. */
  types: string[]
  /** The issuer's DID document, so that verifiers resolve it without a network. */
  didDocument: import('@civitas/core').DidDocument
  /** A display name for screens and logs (`Jeju Health Authority`). */
  name?: string
}

/** A verified trust bundle's contents. */
export interface TrustBundle {
  /** The trust authority's DID, which signed the bundle. */
  authority: string
  issuers: TrustBundleIssuer[]
  /** Signed status lists (W3C status list credentials or `statuslist+jwt` tokens), current when the bundle was made. */
  lists: string[]
  /** When the bundle was signed, in milliseconds since the epoch. */
  issuedAt: number
  /** When the bundle expires, in milliseconds since the epoch. */
  expiresAt: number
}
