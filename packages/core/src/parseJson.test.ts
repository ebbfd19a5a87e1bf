import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson } from './parseJson.js'

describe('parseJson', () => {
  it('behavior: agrees with JSON.parse on any JSON without forbidden keys', () => {
    const safeKey = fc.string().filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key))
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { maxDepth: 4 },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(safeKey, tie('value'), { maxKeys: 4 }),
      ),
    })).value
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value)
        expect(parseJson(text)).toEqual(JSON.parse(text))
      }),
    )
  })

  it('behavior: decodes escapes and keeps well-formed surrogate pairs', () => {
    expect(parseJson('{"city":"Jeju \\u2708 \\ud83c\\udf4a","n":-1.5e2}')).toEqual({
      city: 'Jeju ✈ 🍊',
      n: -150,
    })
  })

  it.each([
    ['duplicate member names', '{"a":1,"a":2}', 'ERR_JSON_DUPLICATE_KEY'],
    ['duplicate nested member names', '{"a":{"b":1,"b":1}}', 'ERR_JSON_DUPLICATE_KEY'],
    ['duplicates written with escapes', '{"a":1,"\\u0061":2}', 'ERR_JSON_DUPLICATE_KEY'],
    ['__proto__', '{"__proto__":{"admin":true}}', 'ERR_JSON_FORBIDDEN_KEY'],
    ['escaped __proto__', '{"\\u005f_proto__":{}}', 'ERR_JSON_FORBIDDEN_KEY'],
    ['constructor', '{"constructor":{"prototype":{}}}', 'ERR_JSON_FORBIDDEN_KEY'],
    ['prototype', '{"x":{"prototype":1}}', 'ERR_JSON_FORBIDDEN_KEY'],
    ['deep nesting', `${'['.repeat(33)}${']'.repeat(33)}`, 'ERR_JSON_TOO_DEEP'],
    ['a byte-order mark', '\ufeff{}', 'ERR_JSON_INVALID'],
    ['a lone high surrogate escape', '"\\ud800"', 'ERR_JSON_INVALID'],
    ['a lone low surrogate', '"\udc00"', 'ERR_JSON_INVALID'],
    ['trailing data', '{} {}', 'ERR_JSON_INVALID'],
    ['a trailing comma', '[1,]', 'ERR_JSON_INVALID'],
    ['single quotes', "{'a':1}", 'ERR_JSON_INVALID'],
    ['an unterminated string', '"abc', 'ERR_JSON_INVALID'],
    ['a raw control character', '"a\nb"', 'ERR_JSON_INVALID'],
    ['a bad escape', '"\\x41"', 'ERR_JSON_INVALID'],
    ['a leading zero', '01', 'ERR_JSON_INVALID'],
    ['NaN', 'NaN', 'ERR_JSON_INVALID'],
    ['an overflowing number', '1e400', 'ERR_JSON_INVALID'],
    ['empty input', '', 'ERR_JSON_INVALID'],
    ['a bare word', 'tru', 'ERR_JSON_INVALID'],
  ])('error: %s is refused with %s', (_name, text, code) => {
    expect(() => parseJson(text)).toThrow(expect.objectContaining({ code }))
  })

  it('error: text past maxLength is refused before parsing with ERR_INPUT_TOO_LARGE', () => {
    expect(() => parseJson(`"${'a'.repeat(100)}"`, { maxLength: 50 })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    )
  })

  it('behavior: maxDepth is configurable', () => {
    expect(parseJson('[[1]]', { maxDepth: 2 })).toEqual([[1]])
    expect(() => parseJson('[[[1]]]', { maxDepth: 2 })).toThrow(
      expect.objectContaining({ code: 'ERR_JSON_TOO_DEEP' }),
    )
  })

  it('error: a non-string is refused with ERR_JSON_INVALID', () => {
    expect(() => parseJson(Buffer.from('{}') as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_JSON_INVALID' }),
    )
  })

  it('behavior: error messages name the input and the position', () => {
    expect(() => parseJson('{"a":1,"a":2}', { name: 'JWS header' })).toThrow(
      /JWS header: duplicate member name "a"/,
    )
  })
})
