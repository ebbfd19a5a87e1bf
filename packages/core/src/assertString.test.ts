import { describe, expect, it } from 'vitest'
import { assertString } from './assertString.js'

describe('assertString', () => {
  it('behavior: accepts a string within bounds', () => {
    expect(() => assertString('abc', { name: 'token', minLength: 1, maxLength: 3 })).not.toThrow()
  })

  it.each([
    ['a number', 1, 'ERR_INVALID_ARGUMENT', 'token: expected string, got number'],
    ['undefined', undefined, 'ERR_INVALID_ARGUMENT', 'token: expected string, got undefined'],
    ['an empty string', '', 'ERR_INVALID_ARGUMENT', 'token: expected at least 1 characters, got 0'],
    ['a long string', 'abcd', 'ERR_INPUT_TOO_LARGE', 'token: 4 characters exceed the limit of 3'],
  ])('error: %s is refused with an exact message', (_name, value, code, message) => {
    expect(() => assertString(value, { name: 'token', minLength: 1, maxLength: 3 })).toThrow(
      expect.objectContaining({ code, message }),
    )
  })
})
