/**
 * A pool of verifiers on Node worker threads: `createVerifierPool(...).check(token)` gives the
 * report `createVerifier` would, using every core. Its `ethr` option resolves did:ethr in the workers
 * and needs `ethers` and `ethr-did-resolver` installed (optional peer dependencies).
 *
 * @module
 */
export { createVerifierPool } from './createVerifierPool.js'
export type { CreateVerifierPoolOptions, VerifierPool, VerifierPoolResolverOptions } from './types.js'
