import type { PublicJwk } from '@civitas/core'
import { importPublicJwk } from '../importPublicJwk.js'
import { createKeyCache, publicKeyCacheKey } from './keyCache.js'

// Canonical JWKs by coordinates, so a key is point-checked once, not on every verification.
// Keyed by value rather than by object, so mutating a JWK after use cannot skip validation.
const validated = createKeyCache<PublicJwk>()

/** Returns the canonical, validated form of `jwk`, validating it on first sight. */
export function validatedPublicJwk(jwk: unknown): PublicJwk {
  if (typeof jwk === 'object' && jwk !== null) {
    const { crv, x, y } = jwk as Record<string, unknown>
    if (typeof crv === 'string' && typeof x === 'string' && (y === undefined || typeof y === 'string')) {
      const cacheKey = publicKeyCacheKey(y === undefined ? { crv, x } : { crv, x, y })
      const known = validated.get(cacheKey)
      if (known !== undefined && (jwk as Record<string, unknown>).kty === known.kty && !('d' in jwk))
        return known
      const imported = importPublicJwk(jwk)
      validated.set(cacheKey, imported)
      return imported
    }
  }
  return importPublicJwk(jwk)
}
