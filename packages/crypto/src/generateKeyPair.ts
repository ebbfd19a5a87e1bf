import {
  CivitasError,
  encodeBase64url,
  type PrivateJwk,
  type PublicJwk,
  type SignatureAlgorithm,
} from '@civitas/core'
import { CURVE_OF_ALGORITHM, isSupportedAlgorithm } from './internal/algorithms.js'

/** Options for {@link generateKeyPair}. */
export interface GenerateKeyPairOptions {
  /** The algorithm the key will sign with. */
  alg: SignatureAlgorithm
}

/** A fresh key pair, as JWKs. */
export interface GenerateKeyPairResult {
  alg: SignatureAlgorithm
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
}

/**
 * Generates a key pair from the platform's CSPRNG. Prefer a key store's `createKey`, which keeps
 * the private key inside the store; use this to provision keys elsewhere.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8037#section-3.1 (EdDSA),
 *   https://www.rfc-editor.org/rfc/rfc7518#section-3.4 (ES256),
 *   https://www.rfc-editor.org/rfc/rfc8812#section-3.1 (ES256K)
 * @throws `ERR_ALGORITHM_UNSUPPORTED` for anything but `EdDSA`, `ES256`, `ES256K`.
 * @example
 * ```ts
 * import { generateKeyPair } from '@civitas/crypto'
 *
 * const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'ES256' })
 * ```
 */
export async function generateKeyPair(options: GenerateKeyPairOptions): Promise<GenerateKeyPairResult> {
  const alg = options?.alg
  if (!isSupportedAlgorithm(alg)) {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `cannot generate keys for ${String(alg).slice(0, 32)}`,
      {
        details: { alg: String(alg).slice(0, 32) },
      },
    )
  }
  const crv = CURVE_OF_ALGORITHM[alg]
  // Key generation is rare next to verification: the curves load on first use.
  const { ed25519, WEIERSTRASS } = await import('./internal/curves.js')
  if (crv === 'Ed25519') {
    const { secretKey, publicKey } = ed25519.keygen()
    const publicJwk: PublicJwk = { kty: 'OKP', crv, x: encodeBase64url(publicKey) }
    return { alg, publicJwk, privateJwk: { ...publicJwk, d: encodeBase64url(secretKey) } }
  }
  const { secretKey, publicKey } = WEIERSTRASS[crv].keygen()
  const point = WEIERSTRASS[crv].Point.fromBytes(publicKey).toBytes(false)
  const publicJwk: PublicJwk = {
    kty: 'EC',
    crv,
    x: encodeBase64url(point.subarray(1, 33)),
    y: encodeBase64url(point.subarray(33, 65)),
  }
  return { alg, publicJwk, privateJwk: { ...publicJwk, d: encodeBase64url(secretKey) } }
}
