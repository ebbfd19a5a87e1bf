import { assertBytes, CivitasError, type PublicJwk } from '@civitas/core'
import { algorithmForJwk } from '../algorithmForJwk.js'
import { isSupportedAlgorithm, SIGNATURE_LENGTH } from './algorithms.js'
import { validatedPublicJwk } from './validatedKeys.js'

/**
 * The checks that run before any crypto: the algorithm is supported, the key is valid (an Ed25519
 * key of small order is refused here, before OpenSSL could accept a forgery under it) and the
 * algorithm is the key's own, and the inputs are bytes. Returns the validated key, or `undefined`
 * when the signature cannot be valid by its length alone.
 */
export function checkSignatureInput(
  jwk: PublicJwk,
  alg: unknown,
  data: unknown,
  signature: unknown,
): PublicJwk | undefined {
  if (!isSupportedAlgorithm(alg)) {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `algorithm ${String(alg).slice(0, 32)} is not supported`,
      {
        details: { alg: String(alg).slice(0, 32) },
      },
    )
  }
  const publicJwk = validatedPublicJwk(jwk)
  const expected = algorithmForJwk(publicJwk)
  if (alg !== expected) {
    throw new CivitasError(
      'ERR_ALGORITHM_MISMATCH',
      `a ${publicJwk.crv} key verifies ${expected}, not ${alg}`,
      {
        details: { alg, expected },
      },
    )
  }
  assertBytes(data, { name: 'data' })
  assertBytes(signature, { name: 'signature' })
  return (signature as Uint8Array).length === SIGNATURE_LENGTH ? publicJwk : undefined
}
