import { CivitasError, decodeBase64url, type SignatureAlgorithm } from '@civitas/core'
import { toLowSSignature } from '@civitas/crypto'
import { hexToBytes } from './veramoKeys.js'

/**
 * Turns what a Veramo KMS's `sign` returned into a JOSE signature: 64 bytes, R‖S for ECDSA, with S
 * in the lower half of the order for ES256 and ES256K, as Civitas signs on every path.
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
  return toLowSSignature({ alg, signature })
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
