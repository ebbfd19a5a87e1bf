import { decodeBase64url, type PublicJwk } from '@civitas/core'
import { uncompressedEcPoint } from '#points'

/**
 * The raw public key: 32 bytes for Ed25519 and X25519, the 33-byte compressed point for P-256 and
 * secp256k1 (the form multikey and did:key use). The JWK must already be valid
 * ({@link importPublicJwk}).
 *
 * @see https://www.secg.org/sec1-v2.pdf §2.3.3 (compressed points) and https://www.w3.org/TR/cid-1.0/#Multikey
 * @throws `ERR_BASE64URL_INVALID` for a JWK that was not validated and holds bad coordinates.
 * @example
 * ```ts
 * import { generateKeyPair, publicKeyToBytes } from '@civitas/crypto'
 *
 * const { publicJwk } = await generateKeyPair({ alg: 'ES256' })
 * publicKeyToBytes(publicJwk).length // 33: the compressed P-256 point
 * ```
 */
export function publicKeyToBytes(jwk: PublicJwk): Uint8Array {
  const x = decodeBase64url(jwk.x, { name: 'JWK x' })
  if (jwk.kty === 'OKP') return x
  const point = new Uint8Array(65)
  point[0] = 0x04
  point.set(x, 1)
  point.set(decodeBase64url(jwk.y, { name: 'JWK y' }), 33)
  // Checked on the curve, then compressed: the prefix carries y's parity, x follows.
  uncompressedEcPoint(jwk.crv, point)
  const compressed = new Uint8Array(33)
  compressed[0] = 0x02 + ((point[64] ?? 0) & 1)
  compressed.set(point.subarray(1, 33), 1)
  return compressed
}
