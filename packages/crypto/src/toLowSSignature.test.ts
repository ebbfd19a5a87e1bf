import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toLowSSignature } from './toLowSSignature.js'

const CURVES = { ES256: p256, ES256K: secp256k1 } as const

describe('toLowSSignature', () => {
  it.each(['ES256', 'ES256K'] as const)(
    'property: %s signatures come out low-S: R kept, S replaced by n − S exactly when noble finds it high',
    (alg) => {
      const curve = CURVES[alg]
      const order = curve.Point.Fn.ORDER
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: order - 1n }),
          fc.bigInt({ min: 1n, max: order - 1n }),
          (r, s) => {
            const signature = new curve.Signature(r, s)
            const low = toLowSSignature({ alg, signature: signature.toBytes('compact') })
            const expected = signature.hasHighS() ? new curve.Signature(r, order - s) : signature
            expect(low).toEqual(expected.toBytes('compact'))
          },
        ),
        { numRuns: 200 },
      )
    },
  )

  it('behavior: EdDSA signatures and ECDSA ones with S ≥ n come back unchanged', () => {
    const signature = new Uint8Array(64).fill(0xff)
    for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
      expect(toLowSSignature({ alg, signature })).toEqual(signature)
    }
  })

  it('error: a signature that is not 64 bytes is ERR_INVALID_ARGUMENT', () => {
    for (const signature of [new Uint8Array(63), new Uint8Array(65), 'AA' as never]) {
      expect(() => toLowSSignature({ alg: 'ES256', signature })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })
})
