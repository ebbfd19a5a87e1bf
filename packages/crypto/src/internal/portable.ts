import { decodeBase64url, type PrivateJwk, type PublicJwk, type SignatureAlgorithm } from '@civitas/core'
import { publicKeyToBytes } from '../publicKeyToBytes.js'
import { ed25519, WEIERSTRASS } from './curves.js'
import { createKeyCache, publicKeyCacheKey } from './keyCache.js'

const publicKeyBytes = createKeyCache<Uint8Array>()

/**
 * Verifies with @noble/curves. EdDSA follows RFC 8032 strictly (no ZIP-215 leniency) so that it
 * decides exactly as OpenSSL and WebCrypto do; ECDSA accepts high-S, as they do.
 */
export function verifyPortable(
  jwk: PublicJwk,
  alg: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const cacheKey = publicKeyCacheKey(jwk)
  let key = publicKeyBytes.get(cacheKey)
  if (key === undefined) {
    key = publicKeyToBytes(jwk)
    publicKeyBytes.set(cacheKey, key)
  }
  try {
    if (alg === 'EdDSA') return ed25519.verify(signature, data, key, { zip215: false })
    const curve = alg === 'ES256' ? WEIERSTRASS['P-256'] : WEIERSTRASS.secp256k1
    return curve.verify(signature, data, key, { lowS: false })
  } catch {
    return false
  }
}

/** Signs with @noble/curves; ECDSA signatures are deterministic (RFC 6979) and low-S. */
export function signPortable(jwk: PrivateJwk, alg: SignatureAlgorithm, data: Uint8Array): Uint8Array {
  const secret = decodeBase64url(jwk.d, { name: 'JWK d' })
  if (alg === 'EdDSA') return ed25519.sign(data, secret)
  const curve = alg === 'ES256' ? WEIERSTRASS['P-256'] : WEIERSTRASS.secp256k1
  return curve.sign(data, secret, { lowS: true })
}
