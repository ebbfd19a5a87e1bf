import type { PublicJwk, SignatureAlgorithm } from '@civitas/core'
import { verifyNative } from '#native'
import { checkSignatureInput } from './internal/checkSignatureInput.js'

/** Options for {@link verifySignature}. */
export interface VerifySignatureOptions {
  /** The signer's public key; it is validated as {@link importPublicJwk} does, once per key. */
  publicJwk: PublicJwk
  /** The algorithm; it must be the one the key's curve fixes. */
  alg: SignatureAlgorithm
  /** The signed bytes. */
  data: Uint8Array
  /** The raw JOSE signature (64 bytes). */
  signature: Uint8Array
}

/**
 * Verifies a raw JOSE signature, using the platform's native implementation where it has one
 * (node:crypto, or WebCrypto in browsers) and @noble/curves elsewhere. Both paths decide alike:
 * EdDSA by RFC 8032 under keys that are not of small order, ECDSA (ES256 and ES256K) accepting low-
 * and high-S signatures.
 *
 * @returns `true` for a valid signature, `false` for any other signature bytes.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 (ECDSA R‖S) and
 *   https://www.rfc-editor.org/rfc/rfc8032#section-5.1.7 (Ed25519)
 * @throws `ERR_ALGORITHM_UNSUPPORTED` for an algorithm outside EdDSA/ES256/ES256K;
 *   the codes of {@link importPublicJwk} for an invalid key (`ERR_JWK_INVALID` for an Ed25519 key
 *   of small order);
 *   `ERR_ALGORITHM_MISMATCH` when `alg` is not the key's algorithm; `ERR_INVALID_ARGUMENT` for
 *   non-byte data or signature.
 * @example
 * ```ts
 * import { generateKeyPair, signWithJwk, verifySignature } from '@civitas/crypto'
 *
 * const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'EdDSA' })
 * const data = new TextEncoder().encode('hello')
 * const signature = await signWithJwk({ privateJwk, data })
 * await verifySignature({ publicJwk, alg: 'EdDSA', data, signature }) // true
 * ```
 */
export async function verifySignature(options: VerifySignatureOptions): Promise<boolean> {
  const { alg, data, signature } = options
  const publicJwk = checkSignatureInput(options.publicJwk, alg, data, signature)
  if (publicJwk === undefined) return false
  return (
    (await verifyNative(publicJwk, alg, data, signature)) ??
    // The portable path (noble curves) loads when first needed: in browsers, for ES256K.
    (await import('./internal/portable.js')).verifyPortable(publicJwk, alg, data, signature)
  )
}
