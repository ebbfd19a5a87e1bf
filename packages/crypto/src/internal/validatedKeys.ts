import type { PublicJwk } from '@civitas/core'
import { importPublicJwk } from '../importPublicJwk.js'
import { createKeyCache, publicKeyCacheKey } from './keyCache.js'

// Canonical JWKs by coordinates, so a key is point-checked once, not on every verification.
// Keyed by value rather than by object, so mutating a JWK after use cannot skip validation.
const validated = createKeyCache<PublicJwk>()
// Frozen JWKs (keys from cached, deep-frozen DID documents) cannot change after validation, so they
// are also known by identity: a warm verification skips building the value key.
const validatedFrozen = new WeakMap<object, PublicJwk>()

/**
 * Returns the canonical, validated form of `jwk` (frozen, shared by every caller), validating it on
 * first sight.
 */
export function validatedPublicJwk(jwk: unknown): PublicJwk {
  if (typeof jwk !== 'object' || jwk === null) return importPublicJwk(jwk)
  const frozen = Object.isFrozen(jwk)
  const byIdentity = frozen ? validatedFrozen.get(jwk) : undefined
  if (byIdentity !== undefined) return byIdentity
  const { crv, x, y } = jwk as Record<string, unknown>
  if (typeof crv !== 'string' || typeof x !== 'string' || (y !== undefined && typeof y !== 'string'))
    return importPublicJwk(jwk)
  const cacheKey = publicKeyCacheKey(y === undefined ? { crv, x } : { crv, x, y })
  let canonical = validated.get(cacheKey)
  if (canonical === undefined || (jwk as Record<string, unknown>).kty !== canonical.kty || 'd' in jwk) {
    canonical = Object.freeze(importPublicJwk(jwk))
    validated.set(cacheKey, canonical)
  }
  if (frozen) validatedFrozen.set(jwk, canonical)
  return canonical
}
