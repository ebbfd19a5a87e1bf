/**
 * DIDs for Civitas: a did-resolver-compatible resolver with a bounded cache, typed resolution,
 * verification-method lookup by relationship, and the did:key and did:jwk methods (also at
 * `@civitas/did/key` and `@civitas/did/jwk`).
 *
 * @module
 */

export type { Resolvable, Resolver } from 'did-resolver'
export { type CreateResolutionCacheOptions, createResolutionCache } from './createResolutionCache.js'
export { type CreateResolverOptions, createResolver } from './createResolver.js'
export { findVerificationMethod } from './findVerificationMethod.js'
export { publicJwkFromVerificationMethod } from './publicJwkFromVerificationMethod.js'
export { resolveDidDocument } from './resolveDidDocument.js'
export {
  type ResolveVerificationKeyOptions,
  type ResolveVerificationKeyResult,
  resolveVerificationKey,
} from './resolveVerificationKey.js'
export type { Identity, ResolutionCache, SignedBytes } from './types.js'
