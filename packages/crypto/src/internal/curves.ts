import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'

// The noble curves: key generation and the portable signature path. Code on
// the verification path imports ./algorithms.js, ./ed25519Point.js and #points instead, so Node and
// browser verifiers load these only when they need them.
export {
  ALGORITHM_OF_CURVE,
  CURVE_OF_ALGORITHM,
  isSupportedAlgorithm,
  SIGNATURE_LENGTH,
  type SigningCurve,
  SUPPORTED_ALGORITHMS,
} from './algorithms.js'

/** The short Weierstrass curves by JWK `crv`. */
export const WEIERSTRASS = { 'P-256': p256, secp256k1 } as const

export { ed25519 }
