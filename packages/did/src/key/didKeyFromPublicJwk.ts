import type { Did } from '@civitas/core'
import { encodeMultikey, importPublicJwk } from '@civitas/crypto'

/**
 * The did:key of a public key: `did:key:` + its multikey.
 *
 * @throws `ERR_JWK_INVALID`, `ERR_JWK_PRIVATE_MATERIAL`, `ERR_ALGORITHM_UNSUPPORTED` for keys
 *   Civitas does not accept.
 * @see https://w3c-ccg.github.io/did-key-spec/#format
 * @example
 * ```ts
 * import { didKeyFromPublicJwk } from '@civitas/did/key'
 *
 * didKeyFromPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) // 'did:key:z6Mk…'
 * ```
 */
export function didKeyFromPublicJwk(jwk: unknown): Did {
  return `did:key:${encodeMultikey(importPublicJwk(jwk))}`
}
