import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_KEYS } from '../../../../test/support/smallOrderEd25519.js'
import { ed25519PublicKeyY, montgomeryU } from './ed25519Point.js'
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
  it('property: ed25519PublicKeyY accepts exactly the points noble accepts and finds of large order, and maps them to the same X25519 key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const y = ed25519PublicKeyY(bytes)
        const reference = noble(() => ed25519.utils.toMontgomery(bytes))
        const largeOrder = noble(() => !ed25519.Point.fromBytes(bytes).isSmallOrder())
        expect(y !== undefined).toBe(largeOrder === true)
        if (y !== undefined) expect(montgomeryU(y)).toEqual(reference)
      }),
      { numRuns: 2000 },
    )
  })

  it('property: real Ed25519 public keys decode, with noble’s X25519 mapping', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret) => {
        const publicKey = ed25519.getPublicKey(secret)
        const y = ed25519PublicKeyY(publicKey)
        expect(y).toBeDefined()
        expect(montgomeryU(y as bigint)).toEqual(ed25519.utils.toMontgomery(publicKey))
      }),
      { numRuns: 200 },
    )
  })

  // Each encoding of a point of small order, canonical or not (test/support/smallOrderEd25519.ts).
  it.each(SMALL_ORDER_KEYS)(
    'error: $name is refused, and noble (ZIP-215 decoding) finds it of small order',
    ({ bytes, canonical }) => {
      expect(ed25519PublicKeyY(bytes)).toBeUndefined()
      expect(ed25519.Point.fromBytes(bytes, true).isSmallOrder()).toBe(true)
      expect(noble(() => ed25519.Point.fromBytes(bytes, false)) !== undefined).toBe(canonical)
    },
  )

  it('error: y = p + 3 (a point of large order, encoded non-canonically) is refused', () => {
    const encoding = new Uint8Array(32).fill(0xff)
    encoding[0] = 0xf0
    encoding[31] = 0x7f
    expect(noble(() => ed25519.Point.fromBytes(encoding, true).isSmallOrder())).toBe(false)
    expect(ed25519PublicKeyY(encoding)).toBeUndefined()
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
