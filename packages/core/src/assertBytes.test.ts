import { describe, expect, it } from 'vitest'
import { assertBytes } from './assertBytes.js'

describe('assertBytes', () => {
  it('behavior: accepts a Uint8Array of the exact length', () => {
    expect(() => assertBytes(new Uint8Array(32), { name: 'key', length: 32 })).not.toThrow()
  })

  it.each([
    ['a string', 'abc', 'key: expected Uint8Array, got string of length 3'],
    ['null', null, 'key: expected Uint8Array, got null'],
    ['an array', [1, 2], 'key: expected Uint8Array, got array of length 2'],
    ['a number', 7, 'key: expected Uint8Array, got number'],
    ['an object', {}, 'key: expected Uint8Array, got object [object Object]'],
    ['a short array', new Uint8Array(31), 'key: expected 32 bytes, got 31'],
  ])('error: %s is refused with an exact message', (_name, value, message) => {
    expect(() => assertBytes(value, { name: 'key', length: 32 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT', message }),
    )
  })

  it('error: more bytes than maxLength is ERR_INPUT_TOO_LARGE', () => {
    expect(() => assertBytes(new Uint8Array(11), { name: 'image', maxLength: 10 })).toThrow(
      expect.objectContaining({
        code: 'ERR_INPUT_TOO_LARGE',
        message: 'image: 11 bytes exceed the limit of 10',
      }),
    )
  })
})
