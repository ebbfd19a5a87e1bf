import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ed25519PointY, montgomeryU } from './ed25519Point.js'
import { uncompressedEcPoint as nodePoint } from './points.node.js'
import { uncompressedEcPoint as bigintPoint } from './points.web.js'

// The verification path decodes points without noble (BigInt in browsers, OpenSSL for EC in Node);
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
    const curve = crv === 'P-256' ? p256 : secp256k1
    const reference = (point: Uint8Array) =>
      noble(() => {
        const parsed = curve.Point.fromBytes(point)
        parsed.assertValidity()
        return parsed.toBytes(false)
      })
    it(`property: OpenSSL, BigInt and noble agree on ${crv} point encodings`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(0, 1, 2, 3, 4),
          fc.uint8Array({ minLength: 64, maxLength: 64 }),
          (prefix, coordinates) => {
            const point = new Uint8Array([prefix, ...coordinates.subarray(0, prefix === 4 ? 64 : 32)])
            const expected = reference(point)
            expect(noble(() => nodePoint(crv, point))).toEqual(expected)
            expect(noble(() => bigintPoint(crv, point))).toEqual(expected)
          },
        ),
        { numRuns: 1000 },
      )
    })

    it(`property: real ${crv} keys, compressed and not, decode the same everywhere`, () => {
      fc.assert(
        fc.property(fc.boolean(), (compress) => {
          const point = curve.getPublicKey(curve.utils.randomSecretKey(), compress)
          const expected = reference(point)
          expect(expected).toBeDefined()
          expect(nodePoint(crv, point)).toEqual(expected)
          expect(bigintPoint(crv, point)).toEqual(expected)
          const offCurve = point.slice()
          offCurve[offCurve.length - 1] = (offCurve[offCurve.length - 1] ?? 0) ^ 1
          expect(noble(() => bigintPoint(crv, offCurve))).toEqual(reference(offCurve))
        }),
        { numRuns: 100 },
      )
    })
  }
})
