import { type Did, encodeBase64url, encodeUtf8 } from '@civitas/core'
import { importPublicJwk } from '@civitas/crypto'

/**
 * The did:jwk of a public key: `did:jwk:` + base64url of its canonical JWK (`crv`, `kty`, `x`, `y`).
 *
 * @throws `ERR_JWK_INVALID`, `ERR_JWK_PRIVATE_MATERIAL`, `ERR_ALGORITHM_UNSUPPORTED`.
 * @see https://github.com/quartzjer/did-jwk/blob/main/spec.md
 */
export function didJwkFromPublicJwk(jwk: unknown): Did {
  const { kty, crv, x, ...rest } = importPublicJwk(jwk)
  const canonical = 'y' in rest ? { crv, kty, x, y: rest.y } : { crv, kty, x }
  return `did:jwk:${encodeBase64url(encodeUtf8(JSON.stringify(canonical)))}`
}
