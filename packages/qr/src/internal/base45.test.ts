import { encodeUtf8 } from '@civitas/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readVector } from '../../../../test/support/vectors.js'
import { decodeBase45, encodeBase45 } from './base45.js'

interface DccVector {
  BASE45?: string
  COMPRESSED?: string
  EXPECTEDRESULTS: { EXPECTEDB45DECODE?: boolean }
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('base45', () => {
  it('vectors: RFC 9285 §4.3 and §4.4 examples', () => {
    expect(encodeBase45(encodeUtf8('AB'))).toBe('BB8')
    expect(encodeBase45(encodeUtf8('Hello!!'))).toBe('%69 VD92EX0')
    expect(encodeBase45(encodeUtf8('base-45'))).toBe('UJCLQE7W581')
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0'))).toBe('ietf!')
  })

  // EU DCC test data (test/vectors/health-qr/eu-dcc, see SOURCE.md): BASE45 decodes to COMPRESSED, except
  // where EXPECTEDB45DECODE is false.
  const files = [
    'DE-2DCode-raw/1.json',
    'DE-2DCode-raw/2.json',
    'common-2DCode-raw/CO1.json',
    'common-2DCode-raw/CO2.json',
    'common-2DCode-raw/CO3.json',
    'common-2DCode-raw/CO28.json',
    'common-2DCode-raw/B1.json',
  ]
  for (const file of files) {
    it(`vectors: EU DCC ${file}`, () => {
      const vector = readVector<DccVector>(`health-qr/eu-dcc/${file}`)
      const base45 = vector.BASE45 ?? ''
      if (vector.EXPECTEDRESULTS.EXPECTEDB45DECODE === false) {
        expect(() => decodeBase45(base45)).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID' }))
      } else {
        expect(hex(decodeBase45(base45))).toBe(vector.COMPRESSED)
        expect(encodeBase45(decodeBase45(base45))).toBe(base45)
      }
    })
  }

  it('property: decode(encode(bytes)) is the bytes, in the QR alphanumeric alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase45(bytes)
        expect(text).toMatch(/^[0-9A-Z $%*+\-./:]*$/)
        expect(decodeBase45(text)).toEqual(bytes)
      }),
    )
  })

  it.each([
    ['a length of 1 modulo 3', 'BB8A'],
    ['a triple above 65535', 'GGW'],
    ['a final pair above 255', '::'],
    ['a lowercase character', 'bb8'],
    ['a character outside the alphabet', 'BB#'],
  ])('error: %s is refused with ERR_QR_INVALID', (_, text) => {
    expect(() => decodeBase45(text)).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID' }))
  })
})
