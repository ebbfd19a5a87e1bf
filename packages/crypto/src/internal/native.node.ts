import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { PrivateJwk, PublicJwk, SignatureAlgorithm } from '@civitas/core'
import { toLowSSignature } from '../toLowSSignature.js'
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
  // OpenSSL returns either S form.
  return toLowSSignature({ alg, signature: sign(HASH[alg], data, { key, dsaEncoding: 'ieee-p1363' }) })
}
