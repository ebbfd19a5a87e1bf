import { WEIERSTRASS } from './curves.js'

/** The 65-byte uncompressed form of a 33- or 65-byte point on `crv`; throws when it is no point. */
export function uncompressedEcPoint(crv: 'P-256' | 'secp256k1', point: Uint8Array): Uint8Array {
  const parsed = WEIERSTRASS[crv].Point.fromBytes(point)
  parsed.assertValidity()
  return parsed.toBytes(false)
}
