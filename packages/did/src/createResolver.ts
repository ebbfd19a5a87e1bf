import {
  type DIDResolutionOptions,
  type DIDResolutionResult,
  Resolver,
  type ResolverRegistry,
} from 'did-resolver'
import { createResolutionCache } from './createResolutionCache.js'
import { didJwkResolver } from './jwk/didJwkResolver.js'
import { didKeyResolver } from './key/didKeyResolver.js'
import { didPeerResolver } from './peer/didPeerResolver.js'
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
 * Creates a DID resolver: a did-resolver `Resolver` that knows did:key, did:jwk and did:peer (numalgo
 * 0, 2 and 4, whose code loads with the first did:peer) and any method registry you add, with a bounded cache that never keeps failures. Resolution failures come back
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
  const registry: ResolverRegistry = { ...didKeyResolver(), ...didJwkResolver(), ...didPeerResolver() }
  for (const extra of options.resolvers ?? []) Object.assign(registry, extra)
  const cache = options.cache === undefined ? createResolutionCache() : options.cache
  return cache === false ? new Resolver(registry) : new CachedResolver(registry, cache)
}

/**
 * A did-resolver `Resolver` that first asks its cache for the URL as given: a warm verification's
 * DID is a cache key already, and then costs one map lookup instead of URL parsing and two promises.
 */
class CachedResolver extends Resolver {
  readonly #cache: ResolutionCache
  readonly #methods: ResolverRegistry

  constructor(registry: ResolverRegistry, cache: ResolutionCache) {
    super(registry, { cache })
    this.#cache = cache
    this.#methods = registry
  }

  override resolve(didUrl: string, options?: DIDResolutionOptions): Promise<DIDResolutionResult> {
    const cached = typeof didUrl === 'string' ? this.#cache.peek?.(didUrl) : undefined
    // A cache shared with a resolver of other methods must not answer for a method this one lacks.
    return cached !== undefined && Object.hasOwn(this.#methods, methodOf(didUrl))
      ? Promise.resolve(cached)
      : super.resolve(didUrl, options)
  }
}

function methodOf(did: string): string {
  return did.slice(4, did.indexOf(':', 4))
}
