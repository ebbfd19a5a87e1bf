import { type Did, encodeBase64url, encodeUtf8 } from '@civitas/core'
import { importPublicJwk } from '@civitas/crypto'

/**
 * The did:jwk of a public key: `did:jwk:` + base64url of its canonical JWK (`crv`, `kty`, `x`, `y`).
 *
 * @throws `ERR_JWK_INVALID`, `ERR_JWK_PRIVATE_MATERIAL`, `ERR_ALGORITHM_UNSUPPORTED`.
 * @see https://github.com/quartzjer/did-jwk/blob/main/spec.md
 * @example
 * ```ts
 * import { generateKeyPair } from '@civitas/crypto'
 * import { didJwkFromPublicJwk } from '@civitas/did/jwk'
 *
 * const { publicJwk } = await generateKeyPair({ alg: 'ES256' })
 * const did = didJwkFromPublicJwk(publicJwk) // 'did:jwk:eyJjcnYiOiJQLTI1NiIs…'
 * ```
 */
export function didJwkFromPublicJwk(jwk: unknown): Did {
  const { kty, crv, x, ...rest } = importPublicJwk(jwk)
  const canonical = 'y' in rest ? { crv, kty, x, y: rest.y } : { crv, kty, x }
  return `did:jwk:${encodeBase64url(encodeUtf8(JSON.stringify(canonical)))}`
}
