import { CivitasError } from '@civitas/core'
import { verifyNative } from '#native'
import { checkSignatureInput } from './internal/checkSignatureInput.js'
import type { VerifySignatureOptions } from './verifySignature.js'

/**
 * {@link verifySignature} on the platform's native implementation only, for benchmarks and
 * equivalence tests.
 *
 * @throws the codes of {@link verifySignature}; `ERR_ALGORITHM_UNSUPPORTED` when the runtime has
 *   no native implementation of the algorithm (secp256k1 in browsers).
 */
export async function verifySignatureNative(options: VerifySignatureOptions): Promise<boolean> {
  const { publicJwk, alg, data, signature } = options
  if (!checkSignatureInput(publicJwk, alg, data, signature)) return false
  const verdict = await verifyNative(publicJwk, alg, data, signature)
  if (verdict === undefined) {
    throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', `this runtime has no native ${alg}`, {
      details: { alg },
    })
  }
  return verdict
}
