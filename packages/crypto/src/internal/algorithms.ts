import type { KeyType, SignatureAlgorithm } from '@civitas/core'

/** The curves that sign. */
export type SigningCurve = Exclude<KeyType, 'X25519'>

/** The one algorithm each curve signs with (RFC 8725: the key fixes the algorithm). */
export const ALGORITHM_OF_CURVE: Readonly<Record<SigningCurve, SignatureAlgorithm>> = {
  Ed25519: 'EdDSA',
  'P-256': 'ES256',
  secp256k1: 'ES256K',
}

/** The curve each algorithm needs. */
export const CURVE_OF_ALGORITHM: Readonly<Record<SignatureAlgorithm, SigningCurve>> = {
  EdDSA: 'Ed25519',
  ES256: 'P-256',
  ES256K: 'secp256k1',
}

export const SUPPORTED_ALGORITHMS: readonly SignatureAlgorithm[] = Object.freeze(['EdDSA', 'ES256', 'ES256K'])

/** Raw JOSE signatures of all three algorithms are 64 bytes. */
export const SIGNATURE_LENGTH = 64

export function isSupportedAlgorithm(alg: unknown): alg is SignatureAlgorithm {
  return alg === 'EdDSA' || alg === 'ES256' || alg === 'ES256K'
}
