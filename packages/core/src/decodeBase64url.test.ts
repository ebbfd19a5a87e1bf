import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64url } from './decodeBase64url.js'
import { encodeBase64url } from './encodeBase64url.js'

describe('decodeBase64url', () => {
  it('behavior: round-trips any byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes)
      }),
    )
  })

  it('behavior: agrees with the platform base64url encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
      }),
    )
  })

  it('behavior: accepts exactly one encoding per byte string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AQgw-_9zZ='.split('')), maxLength: 12 }), (text) => {
        let decoded: Uint8Array
        try {
          decoded = decodeBase64url(text)
        } catch (error) {
          expect(error).toMatchObject({ code: 'ERR_BASE64URL_INVALID' })
          return
        }
        expect(encodeBase64url(decoded)).toBe(text)
      }),
    )
  })

  it.each([
    ['padding', 'QQ=='],
    ['single padding', 'QUI='],
    ['standard base64 plus', 'a+b'],
    ['standard base64 slash', 'a/b'],
    ['whitespace', 'QU I'],
    ['impossible length', 'QUJDR'],
    ['non-zero trailing bits (2 chars)', 'QR'],
    ['non-zero trailing bits (3 chars)', 'QUJ'],
    ['non-ASCII', 'QUJé'],
    ['NUL', 'QU\u0000I'],
  ])('error: %s is refused with ERR_BASE64URL_INVALID', (_name, text) => {
    expect(() => decodeBase64url(text)).toThrow(expect.objectContaining({ code: 'ERR_BASE64URL_INVALID' }))
  })

  it.each([
    ['number', 42],
    ['null', null],
    ['bytes', new Uint8Array(2)],
  ])('error: a %s is refused with ERR_BASE64URL_INVALID', (_name, value) => {
    expect(() => decodeBase64url(value as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_BASE64URL_INVALID' }),
    )
  })

  it('error: input past maxLength is refused before decoding with ERR_INPUT_TOO_LARGE', () => {
    expect(() => decodeBase64url('A'.repeat(5000), { maxLength: 4096 })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    )
  })

  it('behavior: the empty string decodes to no bytes', () => {
    expect(decodeBase64url('')).toEqual(new Uint8Array())
  })
})

describe('encodeBase64url', () => {
  it('error: non-bytes are refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => encodeBase64url('abc' as unknown as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
