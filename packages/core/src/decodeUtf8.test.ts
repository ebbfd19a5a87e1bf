import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8 } from './decodeUtf8.js'
import { encodeUtf8 } from './encodeUtf8.js'

describe('decodeUtf8 / encodeUtf8', () => {
  it('behavior: round-trips any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeUtf8(encodeUtf8(text))).toBe(text)
      }),
    )
  })

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('error: %s is refused with ERR_UTF8_INVALID', (_name, bytes) => {
    expect(() => decodeUtf8(new Uint8Array(bytes))).toThrow(
      expect.objectContaining({ code: 'ERR_UTF8_INVALID' }),
    )
  })

  it('behavior: keeps a byte-order mark so strict JSON parsing can refuse it', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\ufeff{}')
  })

  it('error: non-strings and non-bytes are refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => encodeUtf8(5 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => decodeUtf8('x' as unknown as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
