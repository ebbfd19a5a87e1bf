import { CivitasError, type SignatureAlgorithm } from '@civitas/core'

/**
 * Refuses, before any key is resolved, every `alg` outside EdDSA, ES256 and ES256K: `none` in any
 * case, HMAC (where a public key would become a shared secret), RSA.
 *
 * @throws `ERR_ALGORITHM_UNSUPPORTED`.
 */
export function checkAlgorithm(alg: string): SignatureAlgorithm {
  if (alg === 'EdDSA' || alg === 'ES256' || alg === 'ES256K') return alg
  throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', `algorithm ${alg.slice(0, 32)} is not accepted`, {
    details: { alg: alg.slice(0, 32) },
  })
}
