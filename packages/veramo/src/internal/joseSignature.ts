import { CivitasError, decodeBase64url, type SignatureAlgorithm } from '@civitas/core'
import { hexToBytes } from './veramoKeys.js'

/** The order of secp256k1's group. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

/**
 * Turns what a Veramo KMS's `sign` returned into a JOSE signature: 64 bytes, R‖S for ECDSA, with S
 * in the lower half of the order for ES256K (RFC 8812 §3.2 requires low-S there).
 *
 * `@veramo/kms-local` returns base64url (did-jwt's signers); other KMSs return `0x`-prefixed or bare
 * hex. A 65th byte is an Ethereum recovery id and is dropped.
 *
 * @throws `ERR_KEY_STORE_IO` when the result is no signature of the expected size.
 */
export function joseSignatureOf(result: unknown, alg: SignatureAlgorithm): Uint8Array {
  const bytes = typeof result === 'string' ? decodeSignature(result) : undefined
  const signature = bytes?.length === 65 && alg !== 'EdDSA' ? bytes.subarray(0, 64) : bytes
  if (signature?.length !== 64) {
    throw new CivitasError(
      'ERR_KEY_STORE_IO',
      `Veramo key manager: expected a 64-byte ${alg} signature, got ${signature === undefined ? typeof result : `${signature.length} bytes`}`,
    )
  }
  return alg === 'ES256K' ? lowS(signature) : Uint8Array.from(signature)
}

function decodeSignature(text: string): Uint8Array | undefined {
  // 128 or 130 hex digits are never the base64url of 64 or 65 bytes (86 or 87 characters).
  if (text.startsWith('0x') || text.length === 128 || text.length === 130) return hexToBytes(text)
  try {
    return decodeBase64url(text, { name: 'signature', maxLength: 128 })
  } catch {
    return undefined
  }
}

function lowS(signature: Uint8Array): Uint8Array {
  const s = toBigInt(signature.subarray(32))
  if (s <= SECP256K1_N / 2n) return Uint8Array.from(signature)
  const result = Uint8Array.from(signature)
  result.set(toBytes(SECP256K1_N - s), 32)
  return result
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

function toBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  let rest = value
  for (let index = 31; index >= 0; index -= 1) {
    bytes[index] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}
