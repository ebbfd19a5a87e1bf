import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joseSignatureOf } from './joseSignature.js'
import { bytesToHex } from './veramoKeys.js'

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const sOf = (signature: Uint8Array) => BigInt(`0x${bytesToHex(signature.subarray(32))}`)
const signatures = fc.uint8Array({ minLength: 64, maxLength: 64 })

describe('joseSignatureOf', () => {
  it('property: base64url, hex, 0x-hex and 65-byte recoverable answers give the same 64 bytes', () => {
    fc.assert(
      fc.property(
        signatures,
        fc.constantFrom('EdDSA', 'ES256') as fc.Arbitrary<'EdDSA' | 'ES256'>,
        (bytes, alg) => {
          const forms = [
            Buffer.from(bytes).toString('base64url'),
            bytesToHex(bytes),
            `0x${bytesToHex(bytes)}`,
          ]
          if (alg !== 'EdDSA') forms.push(`0x${bytesToHex(bytes)}1c`, `${bytesToHex(bytes)}00`)
          for (const form of forms) expect(joseSignatureOf(form, alg)).toEqual(bytes)
        },
      ),
    )
  })

  it('property: ES256K comes out low-S with R unchanged, S replaced by N − S only when it was high', () => {
    fc.assert(
      fc.property(signatures, (bytes) => {
        const result = joseSignatureOf(bytesToHex(bytes), 'ES256K')
        expect(result.subarray(0, 32)).toEqual(bytes.subarray(0, 32))
        const s = sOf(bytes)
        expect(sOf(result)).toBe(s <= N / 2n ? s : N - s)
      }),
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
