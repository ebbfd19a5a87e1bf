import { checkSignatureInput } from './internal/checkSignatureInput.js'
import type { VerifySignatureOptions } from './verifySignature.js'

/**
 * {@link verifySignature} on the portable @noble/curves path only, for benchmarks and equivalence
 * tests.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 and
 *   https://www.rfc-editor.org/rfc/rfc8032#section-5.1.7
 * @throws the codes of {@link verifySignature}.
 * @example
 * ```ts
 * import { generateKeyPair, signWithJwk, verifySignaturePortable } from '@civitas/crypto'
 *
 * const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'ES256K' })
 * const data = new TextEncoder().encode('hello')
 * const signature = await signWithJwk({ privateJwk, data })
 * await verifySignaturePortable({ publicJwk, alg: 'ES256K', data, signature }) // true
 * ```
 */
export async function verifySignaturePortable(options: VerifySignatureOptions): Promise<boolean> {
  const { alg, data, signature } = options
  const publicJwk = checkSignatureInput(options.publicJwk, alg, data, signature)
  if (publicJwk === undefined) return false
  return (await import('./internal/portable.js')).verifyPortable(publicJwk, alg, data, signature)
}
