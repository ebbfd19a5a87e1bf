/**
 * A pool of verifiers on Node worker threads: `createVerifierPool(...).check(token)` gives the
 * report `createVerifier` would, using every core.
 *
 * @module
 */
export { createVerifierPool } from './createVerifierPool.js'
export type { CreateVerifierPoolOptions, VerifierPool, VerifierPoolResolverOptions } from './types.js'
