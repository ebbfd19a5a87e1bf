import { Resolver, type ResolverRegistry } from 'did-resolver'
import { createResolutionCache } from './createResolutionCache.js'
import { didJwkResolver } from './jwk/didJwkResolver.js'
import { didKeyResolver } from './key/didKeyResolver.js'
import type { ResolutionCache } from './types.js'

/** Options for {@link createResolver}. */
export interface CreateResolverOptions {
  /**
   * More DID methods: registries as every `*-did-resolver` package exports them
   * (`getResolver()`), or Civitas's own (`didWebResolver(...)`). Later entries win.
   */
  resolvers?: readonly ResolverRegistry[]
  /** The resolution cache; a bounded TTL cache by default, `false` for none. */
  cache?: ResolutionCache | false
}

/**
 * Creates a DID resolver: a did-resolver `Resolver` that knows did:key and did:jwk and any method
 * registry you add, with a bounded cache that never keeps failures. Resolution failures come back
 * as DID Resolution data (`didResolutionMetadata.error`), never as exceptions; use
 * {@link resolveDidDocument} to get a document or a typed error.
 *
 * @see https://www.w3.org/TR/did-1.0/#did-resolution
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 *
 * const resolver = createResolver()
 * const { didDocument } = await resolver.resolve('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
 * ```
 */
export function createResolver(options: CreateResolverOptions = {}): Resolver {
  const registry: ResolverRegistry = { ...didKeyResolver(), ...didJwkResolver() }
  for (const extra of options.resolvers ?? []) Object.assign(registry, extra)
  const cache = options.cache === undefined ? createResolutionCache() : options.cache
  return new Resolver(registry, { cache })
}
