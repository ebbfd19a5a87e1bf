import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joseSignatureOf } from './joseSignature.js'
import { bytesToHex } from './veramoKeys.js'

const ORDER = {
  ES256: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  ES256K: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
} as const
const sOf = (signature: Uint8Array) => BigInt(`0x${bytesToHex(signature.subarray(32))}`)
const signatures = fc.uint8Array({ minLength: 64, maxLength: 64 })

describe('joseSignatureOf', () => {
  it('property: base64url, hex, 0x-hex and 65-byte recoverable answers give the same 64 bytes', () => {
    fc.assert(
      fc.property(
        signatures,
        fc.constantFrom('EdDSA', 'ES256', 'ES256K') as fc.Arbitrary<'EdDSA' | 'ES256' | 'ES256K'>,
        (bytes, alg) => {
          const forms = [
            Buffer.from(bytes).toString('base64url'),
            bytesToHex(bytes),
            `0x${bytesToHex(bytes)}`,
          ]
          if (alg !== 'EdDSA') forms.push(`0x${bytesToHex(bytes)}1c`, `${bytesToHex(bytes)}00`)
          const first = joseSignatureOf(forms[0], alg)
          if (alg === 'EdDSA') expect(first).toEqual(bytes)
          for (const form of forms) expect(joseSignatureOf(form, alg)).toEqual(first)
        },
      ),
    )
  })

  it('property: ES256 and ES256K come out low-S with R unchanged, S replaced by n − S only when it was high', () => {
    fc.assert(
      fc.property(
        signatures,
        fc.constantFrom('ES256', 'ES256K') as fc.Arbitrary<'ES256' | 'ES256K'>,
        (bytes, alg) => {
          const result = joseSignatureOf(bytesToHex(bytes), alg)
          expect(result.subarray(0, 32)).toEqual(bytes.subarray(0, 32))
          const s = sOf(bytes)
          expect(sOf(result)).toBe(s <= ORDER[alg] / 2n ? s : ORDER[alg] - s)
        },
      ),
    )
  })

  it('error: anything but a 64-byte signature is ERR_KEY_STORE_IO', () => {
    for (const answer of [
      undefined,
      42,
      {},
      '',
      'c0ffee',
      '0xzz',
      'a'.repeat(86).replace(/a$/, '+'),
      'ab'.repeat(65),
    ]) {
      expect(() => joseSignatureOf(answer, 'EdDSA'), String(answer)).toThrow(
        expect.objectContaining({ code: 'ERR_KEY_STORE_IO' }),
      )
    }
  })
})
