import type { CivitasError, JsonObject } from '@civitas/core'

/**
 * A DCQL claim request: a path into the credential — for W3C formats from the credential's top, e.g.
 * `['credentialSubject', 'address', 'locality']`; for `dc+sd-jwt` into the SD-JWT VC's claims, e.g.
 * `['age_equal_or_over', '18']`, and only those claims are disclosed.
 */
export interface DcqlClaimQuery {
  id?: string
  path: readonly (string | number | null)[]
}

/** One credential a relying party asks for (DCQL, OpenID4VP 1.0 §6). */
export interface DcqlCredentialQuery {
  /** Key of this credential's presentations in the `vp_token`. */
  id: string
  /** `jwt_vc_json` (VC 1.1 JWT), `vc+jwt` (VC 2.0 with JOSE) or `dc+sd-jwt` (SD-JWT VC). */
  format: 'jwt_vc_json' | 'vc+jwt' | 'dc+sd-jwt'
  /**
   * W3C formats: `type_values`, the credential must carry every type of one of these sets.
   * `dc+sd-jwt`: `vct_values`, the credential's `vct` must be one of these.
   */
  meta?: { type_values?: readonly (readonly string[])[]; vct_values?: readonly string[] }
  /** The claims the relying party needs; the wallet shares the credential only if it has them all. */
  claims?: readonly DcqlClaimQuery[]
}

/** A DCQL query: the credentials a sign-in asks for. */
export interface DcqlQuery {
  credentials: readonly DcqlCredentialQuery[]
}

/**
 * Keeps sign-in transactions and makes responses single-use. Shared by every instance of a relying
 * party (Redis at `@civitas/sign-in/redis`), so a response accepted by one is refused by all.
 */
export interface NonceStore {
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** The value under `key`, or `undefined` when absent or expired. */
  get(key: string): Promise<string | undefined>
  /** Atomically claims `key` for `ttlMs`: `true` for the first caller, `false` for every later one. */
  claim(key: string, ttlMs: number): Promise<boolean>
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>
}

/**
 * What the relying party reads from a verifier's report on one presentation. A `@civitas/verifier`
 * `Report` is one; so is the report of any verifier that keeps this shape.
 */
export interface SignInReport {
  /** True only when every check passed. */
  ok: boolean
  /** The first failure, raised as the sign-in's failure. */
  error?: CivitasError
  /** The presenter's DID (or, for an SD-JWT VC without `sub`, no DID). */
  holder?: string
  /** The types the report vouches for: listed, accepted and trusted for the issuer (reports of embedded credentials). */
  types?: string[]
  /** Every type the credential lists, as its issuer wrote them (reports of embedded credentials). */
  listedTypes?: string[]
  /** The credential subject's claims (reports of embedded credentials). */
  claims?: JsonObject
  /** One report per embedded credential. */
  credentials?: SignInReport[]
}

/**
 * Checks a presentation (signature, trust policy, status, schemas) bound to an audience and a nonce:
 * the relying party's only need of a verifier. `createVerifier` of `@civitas/verifier` makes one, so
 * the wallet side of sign-in installs no verifier, status list or database package.
 */
export interface SignInVerifier<R extends SignInReport = SignInReport> {
  check(presentation: string, expectations: SignInExpectations): Promise<R>
}

/**
 * What the relying party asks of each presentation: bound to its client id and nonce, with proof of
 * possession required, and, when the query names types, one of them both accepted and trusted.
 */
export interface SignInExpectations {
  audience: string
  nonce: string
  holderBinding: 'required'
  types?: readonly string[]
}

/** What a relying party learns from a completed sign-in; `R` is its verifier's report type. */
export interface SignInResult<R extends SignInReport = SignInReport> {
  /** The person's DID: the SIOPv2 ID token's subject and every presentation's holder. */
  did: string
  /** The credential subjects' claims, merged in query order. */
  claims: JsonObject
  /** The verifier's full report for each presentation, by DCQL credential query id. */
  credentials: Record<string, R[]>
}

/** Where a sign-in transaction stands, as the page polling for it sees it. */
export type SignInStatus<R extends SignInReport = SignInReport> =
  | { status: 'pending'; expiresAt: number }
  | { status: 'complete'; result: SignInResult<R> }
  | { status: 'failed'; code: string; message: string }
  | { status: 'expired' }
