import { describe, expect, it } from 'vitest'
import { decodeBase64urlJson } from './decodeBase64urlJson.js'

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

describe('decodeBase64urlJson', () => {
  it('behavior: decodes ASCII and non-ASCII UTF-8 JSON alike', () => {
    expect(decodeBase64urlJson(encode('{"alg":"EdDSA"}'))).toEqual({ alg: 'EdDSA' })
    expect(decodeBase64urlJson(encode('{"city":"제주 ✈"}'))).toEqual({ city: '제주 ✈' })
  })

  it.each([
    ['padding', `${encode('{"a":1}')}=`, 'ERR_BASE64URL_INVALID'],
    ['malformed UTF-8', Buffer.from([0x22, 0xc3, 0x28, 0x22]).toString('base64url'), 'ERR_UTF8_INVALID'],
    ['a duplicate member', encode('{"a":1,"a":2}'), 'ERR_JSON_DUPLICATE_KEY'],
    ['a byte-order mark', encode('\ufeff{}'), 'ERR_JSON_INVALID'],
  ])('error: %s is refused with %s', (_name, text, code) => {
    expect(() => decodeBase64urlJson(text, { name: 'JWS header' })).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining('JWS header') }),
    )
  })

  it('error: maxLength limits the encoded text', () => {
    expect(() => decodeBase64urlJson(encode('{"a":"0123456789"}'), { maxLength: 8 })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    )
  })
})
