import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { PrivateJwk, PublicJwk, SignatureAlgorithm } from '@civitas/core'
import { createKeyCache, publicKeyCacheKey } from './keyCache.js'

// Node's OpenSSL-backed crypto verifies 10-30× faster than pure JavaScript; imported KeyObjects
// are cached so each key is parsed once.
const publicKeys = createKeyCache<KeyObject>()
// Frozen JWKs (the canonical keys verifyJws passes) are also known by identity, skipping the value key.
const frozenPublicKeys = new WeakMap<PublicJwk, KeyObject>()
const privateKeys = new WeakMap<PrivateJwk, KeyObject>()
const HASH: Record<SignatureAlgorithm, string | null> = { EdDSA: null, ES256: 'sha256', ES256K: 'sha256' }

/** Whether this runtime verifies `alg` natively. */
export function hasNative(_alg: SignatureAlgorithm): boolean {
  return true
}

/** Verifies natively; `undefined` never happens on Node, where all three curves are built in. */
export function verifyNative(
  jwk: PublicJwk,
  alg: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | Promise<boolean> | undefined {
  const frozen = Object.isFrozen(jwk)
  let key = frozen ? frozenPublicKeys.get(jwk) : undefined
  if (key === undefined) {
    const cacheKey = publicKeyCacheKey(jwk)
    key = publicKeys.get(cacheKey)
    if (key === undefined) {
      key = createPublicKey({
        key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.kty === 'EC' ? { y: jwk.y } : {}) },
        format: 'jwk',
      })
      publicKeys.set(cacheKey, key)
    }
    if (frozen) frozenPublicKeys.set(jwk, key)
  }
  try {
    // Ed25519 has one signature encoding: the key goes in as is, with no options to read.
    return verify(HASH[alg], data, alg === 'EdDSA' ? key : { key, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}

/** Signs natively; ECDSA signatures are normalized to low-S. */
export function signNative(
  jwk: PrivateJwk,
  alg: SignatureAlgorithm,
  data: Uint8Array,
): Uint8Array | Promise<Uint8Array> | undefined {
  let key = privateKeys.get(jwk)
  if (key === undefined) {
    key = createPrivateKey({ key: { ...jwk }, format: 'jwk' })
    privateKeys.set(jwk, key)
  }
  const signature = new Uint8Array(sign(HASH[alg], data, { key, dsaEncoding: 'ieee-p1363' }))
  return alg === 'EdDSA' ? signature : toLowS(alg, signature)
}

/** The group orders of P-256 and secp256k1. */
const ORDER = {
  ES256: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  ES256K: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
} as const

/** The signature with s ≤ n/2 (the low-S form): OpenSSL returns either. */
function toLowS(alg: 'ES256' | 'ES256K', signature: Uint8Array): Uint8Array {
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`)
  if (s <= ORDER[alg] >> 1n) return signature
  const low = new Uint8Array(signature)
  low.set(Buffer.from((ORDER[alg] - s).toString(16).padStart(64, '0'), 'hex'), 32)
  return low
}
