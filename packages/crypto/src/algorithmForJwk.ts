import { CivitasError, type PublicJwk, type SignatureAlgorithm } from '@civitas/core'
import { ALGORITHM_OF_CURVE } from './internal/algorithms.js'

/**
 * The one JOSE algorithm a key may sign with: Ed25519 → `EdDSA`, P-256 → `ES256`, secp256k1 →
 * `ES256K` (RFC 8725 §3.1: the verifier fixes the algorithm by the key, never by the token).
 *
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 * @throws `ERR_ALGORITHM_UNSUPPORTED` for X25519 (key agreement only) and any other curve.
 * @example
 * ```ts
 * import { algorithmForJwk } from '@civitas/crypto'
 *
 * algorithmForJwk({ crv: 'Ed25519' }) // 'EdDSA'
 * algorithmForJwk({ crv: 'secp256k1' }) // 'ES256K'
 * ```
 */
export function algorithmForJwk(jwk: Pick<PublicJwk, 'crv'>): SignatureAlgorithm {
  const alg = (ALGORITHM_OF_CURVE as Record<string, SignatureAlgorithm | undefined>)[jwk?.crv]
  if (alg === undefined || !Object.hasOwn(ALGORITHM_OF_CURVE, jwk.crv)) {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `no signature algorithm for curve ${String(jwk?.crv).slice(0, 32)}`,
      {
        details: { crv: String(jwk?.crv).slice(0, 32) },
      },
    )
  }
  return alg
}
