import { createPublicKey } from 'node:crypto'
import { decodeBase64url } from '@civitas/core'

// EC points through OpenSSL: importing a key checks that the point is on the curve, and a
// compressed point comes back decompressed, with no curve arithmetic loaded in JavaScript.
const SPKI_PREFIX = {
  'P-256': '301306072a8648ce3d020106082a8648ce3d030107',
  secp256k1: '301006072a8648ce3d020106052b8104000a',
} as const

function spki(crv: 'P-256' | 'secp256k1', point: Uint8Array): Buffer {
  const algorithm = Buffer.from(SPKI_PREFIX[crv], 'hex')
  const bitString = Buffer.concat([Buffer.from([0x03, point.length + 1, 0x00]), point])
  const body = Buffer.concat([algorithm, bitString])
  return Buffer.concat([Buffer.from([0x30, body.length]), body])
}

/** The 65-byte uncompressed form of a 33- or 65-byte point on `crv`; throws when it is no point. */
export function uncompressedEcPoint(crv: 'P-256' | 'secp256k1', point: Uint8Array): Uint8Array {
  const jwk = createPublicKey({ key: spki(crv, point), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  })
  const uncompressed = new Uint8Array(65)
  uncompressed[0] = 0x04
  uncompressed.set(decodeBase64url(jwk.x ?? ''), 1)
  uncompressed.set(decodeBase64url(jwk.y ?? ''), 33)
  if (point.length === 65 && !uncompressed.every((byte, index) => byte === point[index]))
    throw new Error('the point does not round-trip')
  return uncompressed
}
