import { assertBytes, CivitasError, type PublicJwk } from '@civitas/core'
import { algorithmForJwk } from '../algorithmForJwk.js'
import { isSupportedAlgorithm, SIGNATURE_LENGTH } from './algorithms.js'

/**
 * The checks that run before any crypto: the algorithm is supported and is the key's own, and the
 * inputs are bytes. Returns `false` when the signature cannot be valid by its length alone.
 */
export function checkSignatureInput(
  publicJwk: PublicJwk,
  alg: unknown,
  data: unknown,
  signature: unknown,
): boolean {
  if (!isSupportedAlgorithm(alg)) {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `algorithm ${String(alg).slice(0, 32)} is not supported`,
      {
        details: { alg: String(alg).slice(0, 32) },
      },
    )
  }
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
  return (signature as Uint8Array).length === SIGNATURE_LENGTH
}
