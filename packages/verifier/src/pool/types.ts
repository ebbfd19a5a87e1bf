import type { JsonObject } from '@civitas/core'
import type { DidEthrResolverOptions } from '@civitas/did/ethr'
import type { DidWebResolverOptions } from '@civitas/did/web'
import type { CreateStatusCheckerOptions } from '@civitas/status-list'
import type { CheckExpectations, HolderBindingPolicy, Report } from '../types.js'

/**
 * How each worker builds its resolver: did:key and did:jwk always, did:web and did:ethr when
 * configured. Only plain data crosses into a worker, so functions (a custom DNS `lookup`) are left out.
 */
export interface VerifierPoolResolverOptions {
  web?: Omit<DidWebResolverOptions, 'lookup'>
  ethr?: DidEthrResolverOptions
  /** Cache resolved DID documents in each worker (default true). */
  cache?: boolean
}

/** Options for {@link createVerifierPool}: the serializable subset of `createVerifier`'s options. */
export interface CreateVerifierPoolOptions {
  /** How many worker threads (default: the number of cores, at least 1). */
  size?: number
  /** Memory limits of each worker thread; a worker that exceeds them fails its checks. */
  resourceLimits?: import('node:worker_threads').ResourceLimits
  resolver?: VerifierPoolResolverOptions
  /** Issuer DIDs trusted per credential type, or `'any'`; without it every credential fails the trust check. */
  trust?: Readonly<Record<string, readonly string[]>> | 'any'
  /** Whether checks need proof of possession; as `createVerifier`'s `holderBinding`. */
  holderBinding?: HolderBindingPolicy
  clockSkewMs?: number
  /** The oldest presentation accepted, in milliseconds (default 5 minutes). */
  maxPresentationAgeMs?: number
  /** JSON Schemas by id, beyond the built-in templates'. */
  schemas?: Readonly<Record<string, JsonObject>>
  /** How each worker checks status lists (it fetches and caches them itself). */
  status?: Omit<CreateStatusCheckerOptions, 'resolver' | 'clock' | 'fetch'>
}

/** A pool of verifiers on worker threads, for checking many tokens on several cores. */
export interface VerifierPool {
  /**
   * Checks a token in a worker; the report is the one `createVerifier(...).check` gives. Rejects
   * only when the pool cannot check (`ERR_POOL_CLOSED`, `ERR_POOL_WORKER_FAILED`).
   */
  check(input: string, expectations?: CheckExpectations): Promise<Report>
  /** Stops the workers; checks still waiting are rejected with `ERR_POOL_CLOSED`. */
  close(): Promise<void>
}
