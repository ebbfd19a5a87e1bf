import { assertBytes, type SignatureAlgorithm } from '@civitas/core'

/** Options for {@link toLowSSignature}. */
export interface ToLowSSignatureOptions {
  /** The algorithm the signature was made with. */
  alg: SignatureAlgorithm
  /** The raw JOSE signature: 64 bytes, R‖S for ECDSA. */
  signature: Uint8Array
}

/** The group orders of P-256 and secp256k1. */
const ORDER = {
  ES256: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  ES256K: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
} as const

/**
 * The low-S form of an ECDSA signature (S ≤ n/2; S > n/2 is replaced by n − S, R kept), which is
 * how Civitas emits every ES256 and ES256K signature, whatever made it (OpenSSL, a KMS, a wallet).
 * Both forms verify; one form for what Civitas signs keeps its tokens canonical. An EdDSA
 * signature, which has one form, is returned as is.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 (R‖S)
 * @throws `ERR_INVALID_ARGUMENT` when the signature is not 64 bytes.
 * @example
 * ```ts
 * import { generateKeyPair, signWithJwk, toLowSSignature } from '@civitas/crypto'
 *
 * const { privateJwk } = await generateKeyPair({ alg: 'ES256' })
 * const signature = await signWithJwk({ privateJwk, data: new TextEncoder().encode('hello') })
 * toLowSSignature({ alg: 'ES256', signature }) // the same bytes: Civitas signs low-S already
 * ```
 */
export function toLowSSignature(options: ToLowSSignatureOptions): Uint8Array {
  const { alg, signature } = options
  assertBytes(signature, { name: 'signature', length: 64 })
  const copy = Uint8Array.from(signature)
  if (alg !== 'ES256' && alg !== 'ES256K') return copy
  let s = 0n
  for (const byte of signature.subarray(32)) s = (s << 8n) | BigInt(byte)
  // S ≥ n is no signature at all: it is left for verification to refuse.
  if (s <= ORDER[alg] >> 1n || s >= ORDER[alg]) return copy
  let low = ORDER[alg] - s
  for (let index = 63; index >= 32; index--) {
    copy[index] = Number(low & 0xffn)
    low >>= 8n
  }
  return copy
}
