import fc from 'fast-check'
import { varint } from 'multiformats'
import { describe, expect, it } from 'vitest'
import { readVarint, varintBytes } from './multicodec.js'

// multiformats is the reference for the varints of multikeys: same values, same lengths, same refusals.
describe('multicodec varints', () => {
  it('property: varintBytes encodes as multiformats does, and readVarint reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (code) => {
        const encoded = varint.encodeTo(code, new Uint8Array(varint.encodingLength(code)), 0)
        expect(varintBytes(code)).toEqual(encoded)
        expect(readVarint(encoded)).toEqual([code, encoded.length])
      }),
    )
  })

  it('property: readVarint reads any bytes as multiformats does, or refuses them likewise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let expected: [number, number] | 'refused'
        try {
          expected = varint.decode(bytes)
        } catch {
          expected = 'refused'
        }
        let actual: [number, number] | 'refused'
        try {
          actual = readVarint(bytes)
        } catch {
          actual = 'refused'
        }
        expect(actual).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })
})
