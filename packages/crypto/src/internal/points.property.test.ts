import { ed25519 } from '@noble/curves/ed25519.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ed25519PointY, montgomeryU } from './ed25519Point.js'
import { uncompressedEcPoint as nodePoint } from './points.node.js'
import { uncompressedEcPoint as noblePoint } from './points.web.js'

// The verification path decodes points without noble (BigInt for Ed25519, OpenSSL for EC in Node);
// noble stays the reference: both must accept and map exactly the same bytes.
function noble<T>(run: () => T): T | undefined {
  try {
    return run()
  } catch {
    return undefined
  }
}

describe('point decoding without a curve library', () => {
  it('property: ed25519PointY accepts exactly the points noble accepts, and maps them to the same X25519 key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const y = ed25519PointY(bytes)
        const reference = noble(() => ed25519.utils.toMontgomery(bytes))
        expect(y !== undefined).toBe(noble(() => ed25519.Point.fromBytes(bytes)) !== undefined)
        if (y !== undefined) expect(montgomeryU(y)).toEqual(reference)
      }),
      { numRuns: 2000 },
    )
  })

  it('property: real Ed25519 public keys decode, with noble’s X25519 mapping', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret) => {
        const publicKey = ed25519.getPublicKey(secret)
        const y = ed25519PointY(publicKey)
        expect(y).toBeDefined()
        expect(montgomeryU(y as bigint)).toEqual(ed25519.utils.toMontgomery(publicKey))
      }),
      { numRuns: 200 },
    )
  })

  it('behavior: edge encodings: y = p is refused, x = 0 with the sign bit set is refused', () => {
    const p = new Uint8Array(32).fill(0xff)
    p[0] = 0xed
    p[31] = 0x7f
    expect(ed25519PointY(p)).toBeUndefined()
    const one = new Uint8Array(32)
    one[0] = 1
    expect(ed25519PointY(one)).toBe(1n)
    expect(montgomeryU(1n)).toBeUndefined()
    one[31] = 0x80
    expect(ed25519PointY(one)).toBeUndefined()
    expect(noble(() => ed25519.Point.fromBytes(one))).toBeUndefined()
  })

  for (const crv of ['P-256', 'secp256k1'] as const) {
    it(`property: OpenSSL and noble agree on ${crv} points, compressed and not`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(2, 3, 4),
          fc.uint8Array({ minLength: 64, maxLength: 64 }),
          (prefix, coordinates) => {
            const point = new Uint8Array([prefix, ...coordinates.subarray(0, prefix === 4 ? 64 : 32)])
            expect(noble(() => nodePoint(crv, point))).toEqual(noble(() => noblePoint(crv, point)))
          },
        ),
        { numRuns: 1000 },
      )
    })
  }
})
