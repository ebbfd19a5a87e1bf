/** A small bounded cache: when full, the oldest entry goes. Imported keys are cheap to rebuild. */
export function createKeyCache<V>(maxEntries = 1024): {
  get(key: string): V | undefined
  set(key: string, value: V): void
} {
  const entries = new Map<string, V>()
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      entries.set(key, value)
    },
  }
}

/** The cache key of a public JWK: its curve and coordinates. */
export function publicKeyCacheKey(jwk: { crv: string; x: string; y?: string }): string {
  return jwk.y === undefined ? `${jwk.crv}.${jwk.x}` : `${jwk.crv}.${jwk.x}.${jwk.y}`
}
