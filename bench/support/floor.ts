import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { PrivateJwk, PublicJwk } from '@civitas/core'
import type { BenchCase } from './measure.js'

/** A compact JWS and the public key its signature is checked with. */
export interface SignedJws {
  jws: string
  publicJwk: PublicJwk
}

const HASH = { OKP: null, EC: 'sha256' } as const

/** node:crypto's key and options for a JWK: raw R‖S for ECDSA, as JOSE encodes it. */
function nodeKey<K extends PublicJwk | PrivateJwk>(jwk: K, create: (jwk: K) => KeyObject) {
  const key = create(jwk)
  return {
    hash: HASH[jwk.kty],
    key: jwk.kty === 'EC' ? { key, dsaEncoding: 'ieee-p1363' as const } : key,
  }
}

/**
 * The OpenSSL floor of a verification: node:crypto checking each JWS's signature over its signing
 * input with a KeyObject imported once, and nothing else (no decoding, no key lookup, no claims).
 */
export function verifyFloor(label: string, signed: readonly SignedJws[]): BenchCase {
  const checks = signed.map(({ jws, publicJwk }) => {
    const end = jws.lastIndexOf('.')
    const { hash, key } = nodeKey(publicJwk, (jwk) => createPublicKey({ key: { ...jwk }, format: 'jwk' }))
    return {
      hash,
      key,
      data: Buffer.from(jws.slice(0, end)),
      signature: Buffer.from(jws.slice(end + 1), 'base64url'),
    }
  })
  for (const { hash, key, data, signature } of checks)
    if (!verify(hash, data, key, signature)) throw new Error(`${label}: a signature of the floor fails`)
  return {
    label,
    library: 'floor',
    task: () => {
      for (const { hash, key, data, signature } of checks) verify(hash, data, key, signature)
    },
  }
}

/** The OpenSSL floor of an issuance: node:crypto signing the JWS's signing input once. */
export function signFloor(label: string, jws: string, privateJwk: PrivateJwk): BenchCase {
  const data = Buffer.from(jws.slice(0, jws.lastIndexOf('.')))
  const { hash, key } = nodeKey(privateJwk, (jwk) => createPrivateKey({ key: { ...jwk }, format: 'jwk' }))
  return { label, library: 'floor', task: () => sign(hash, data, key) }
}
