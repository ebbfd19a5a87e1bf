import { describe, expect, it } from 'vitest'
import { readNumericDate } from './readNumericDate.js'

describe('readNumericDate', () => {
  it('behavior: a NumericDate in range becomes milliseconds, the last representable second included', () => {
    expect(readNumericDate(1_767_225_600, 'iat')).toBe(1_767_225_600_000)
    expect(new Date(readNumericDate(8.64e12, 'exp')).toISOString()).toBe('+275760-09-13T00:00:00.000Z')
    expect(new Date(readNumericDate(-8.64e12, 'nbf')).toISOString()).toBe('-271821-04-20T00:00:00.000Z')
  })

  it.each([1e300, 2 ** 53 + 1, 8.64e12 + 1, -1e300, Number.NaN, Number.POSITIVE_INFINITY])(
    'error: %s seconds is ERR_TOKEN_TIME_OUT_OF_RANGE',
    (seconds) => {
      expect(() => readNumericDate(seconds, 'nbf')).toThrow(
        expect.objectContaining({ code: 'ERR_TOKEN_TIME_OUT_OF_RANGE', details: { claim: 'nbf' } }),
      )
    },
  )
})
