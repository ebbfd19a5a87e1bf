import type { CivitasError, CivitasErrorCode, Clock, JsonObject } from '@civitas/core'
import type { CheckName, VerifiedCredential } from '@civitas/credentials'
import type { Resolvable } from '@civitas/did'
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
  /**
   * The types this report vouches for: listed by the credential, accepted by the check (when it names
   * `types`) and trusted for its issuer (every listed type with `trust: 'any'`). Decide on these, never on
   * `listedTypes`: an issuer can list any type it likes.
   */
  types?: string[]
  /** Every type the credential lists, as its issuer wrote them (for an SD-JWT VC, its `vct`). */
  listedTypes?: string[]
  /** The credential subject's claims. */
  claims?: JsonObject
  /** One report per embedded credential (presentations). */
  credentials?: Report[]
}

/**
 * Which issuers a verifier trusts, per credential type: issuer DIDs per type
 * (`{ ResidencyCard: ['did:web:tartu.ee'] }`), a predicate, or `'any'` to skip the trust check explicitly.
 *
 * Trust is per type: a credential passes only when one of its types is both accepted by the check and
 * trusted for its issuer, so an issuer trusted for `QuarantinePass` gains nothing by also listing
 * `ResidencyCard`. The predicate is asked once per candidate type (the credential's types the check
 * accepts, or all of them when it names none) and answers whether the issuer is trusted for that
 * `type`; a predicate that ignores `type` trusts the issuer for every type it lists.
 */
export type TrustPolicy =
  | Readonly<Record<string, readonly string[]>>
  | ((credential: VerifiedCredential, type: string) => boolean | Promise<boolean>)
  | 'any'

/**
 * Whether a check needs proof of possession (holder binding): `'required'` checks every input as a
 * presentation, so a credential on its own fails with `ERR_PRESENTATION_REQUIRED` and an SD-JWT without
 * its key-binding JWT with `ERR_KEY_BINDING_MISSING`; `'optional'` also accepts a credential on its own
 * (a printed card), whose audience and nonce expectations then have nothing to apply to.
 */
export type HolderBindingPolicy = 'required' | 'optional'

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
  /**
   * Whether this check needs proof of possession; overrides the verifier's `holderBinding`. By default
   * it is `'required'` when the check expects an `audience` or a `nonce`, `'optional'` otherwise.
   */
  holderBinding?: HolderBindingPolicy
  /**
   * Accept credentials in a presentation whose subject is not the presenter (bearer credentials). This
   * relaxes only the presentation's `holder` check (each credential's subject is its signer); it never
   * makes a credential without a presentation, or an SD-JWT without its key-binding JWT, acceptable
   * where holder binding is required.
   */
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
   * Whether this verifier's checks need proof of possession, unless a check says otherwise. By default
   * each check decides: `'required'` when it expects an `audience` or a `nonce`, `'optional'` otherwise.
   * A gate sets `'required'` so that no check can forget it.
   */
  holderBinding?: HolderBindingPolicy
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

/** Options for {@link verifyTrustBundle}. */
export interface VerifyTrustBundleOptions {
  /** The DID of the trust authority whose bundles are accepted; no other signer is. */
  authority: string
  /** Resolves the authority's DID (default: did:key and did:jwk, which need no network). */
  resolver?: Resolvable
  clock?: Clock
  /** Tolerance for `iat` and `exp`, in milliseconds (default 60 s). */
  clockSkewMs?: number
  /** Refuse bundles signed longer ago than this, in milliseconds (default: only `exp` counts). */
  maxAgeMs?: number
}
