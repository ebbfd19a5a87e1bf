import { CivitasError } from '@civitas/core'
import { verifyNative } from '#native'
import { checkSignatureInput } from './internal/checkSignatureInput.js'
import type { VerifySignatureOptions } from './verifySignature.js'

/**
 * {@link verifySignature} on the platform's native implementation only, for benchmarks and
 * equivalence tests.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 and
 *   https://www.rfc-editor.org/rfc/rfc8032#section-5.1.7
 * @throws the codes of {@link verifySignature}; `ERR_ALGORITHM_UNSUPPORTED` when the runtime has
 *   no native implementation of the algorithm (secp256k1 in browsers).
 * @example
 * ```ts
 * import { generateKeyPair, signWithJwk, verifySignatureNative } from '@civitas/crypto'
 *
 * const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'EdDSA' })
 * const data = new TextEncoder().encode('hello')
 * const signature = await signWithJwk({ privateJwk, data })
 * await verifySignatureNative({ publicJwk, alg: 'EdDSA', data, signature }) // true (Node has native Ed25519)
 * ```
 */
export async function verifySignatureNative(options: VerifySignatureOptions): Promise<boolean> {
  const { alg, data, signature } = options
  const publicJwk = checkSignatureInput(options.publicJwk, alg, data, signature)
  if (publicJwk === undefined) return false
  const verdict = await verifyNative(publicJwk, alg, data, signature)
  if (verdict === undefined) {
    throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', `this runtime has no native ${alg}`, {
      details: { alg },
    })
  }
  return verdict
}
