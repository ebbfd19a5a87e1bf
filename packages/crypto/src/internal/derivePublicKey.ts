import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import type { DerivePublicKey } from './keyStoreRecords.js'

/** The public key of a private scalar, by noble: Ed25519's 32 bytes, or an uncompressed EC point. */
export const derivePublicKey: DerivePublicKey = (crv, d) =>
  crv === 'Ed25519'
    ? ed25519.getPublicKey(d)
    : crv === 'P-256'
      ? p256.getPublicKey(d, false)
      : secp256k1.getPublicKey(d, false)
