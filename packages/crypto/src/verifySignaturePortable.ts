import { checkSignatureInput } from './internal/checkSignatureInput.js'
import type { VerifySignatureOptions } from './verifySignature.js'

/**
 * {@link verifySignature} on the portable @noble/curves path only, for benchmarks and equivalence
 * tests.
 *
 * @throws the codes of {@link verifySignature}.
 */
export async function verifySignaturePortable(options: VerifySignatureOptions): Promise<boolean> {
  const { publicJwk, alg, data, signature } = options
  if (!checkSignatureInput(publicJwk, alg, data, signature)) return false
  return (await import('./internal/portable.js')).verifyPortable(publicJwk, alg, data, signature)
}
