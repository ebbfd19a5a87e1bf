import type { KeyType, SignatureAlgorithm } from '@civitas/core'
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'

/** The curves Civitas signs with, each bound to exactly one JOSE algorithm. */
export type SigningCurve = Exclude<KeyType, 'X25519'>

/** The one algorithm each signing curve may be used with (RFC 8725: the key fixes the algorithm). */
export const ALGORITHM_OF_CURVE: Readonly<Record<SigningCurve, SignatureAlgorithm>> = {
  Ed25519: 'EdDSA',
  'P-256': 'ES256',
  secp256k1: 'ES256K',
}

/** The curve behind each algorithm. */
export const CURVE_OF_ALGORITHM: Readonly<Record<SignatureAlgorithm, SigningCurve>> = {
  EdDSA: 'Ed25519',
  ES256: 'P-256',
  ES256K: 'secp256k1',
}

/** The algorithms Civitas accepts, in the order it lists them. */
export const SUPPORTED_ALGORITHMS: readonly SignatureAlgorithm[] = Object.freeze(['EdDSA', 'ES256', 'ES256K'])

/** The noble implementation of each Weierstrass curve. */
export const WEIERSTRASS = { 'P-256': p256, secp256k1 } as const

/** Every JWS signature Civitas produces or accepts is 64 bytes: R‖S for ECDSA, R‖S for EdDSA. */
export const SIGNATURE_LENGTH = 64

/** Whether `alg` names one of the supported algorithms (exact, case-sensitive). */
export function isSupportedAlgorithm(alg: unknown): alg is SignatureAlgorithm {
  return alg === 'EdDSA' || alg === 'ES256' || alg === 'ES256K'
}

export { ed25519 }
