import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from './createTokenStatusList.js'
import { TOKEN_STATUS } from './types.js'

describe('createTokenStatusList', () => {
  it('behavior: a new list holds 131,072 VALID entries of 1 bit by default', () => {
    const list = createTokenStatusList()
    expect([list.length, list.bits, list.get(0), list.get(131_071)]).toEqual([131_072, 1, 0, 0])
  })

  it('behavior: a 2-bit list holds VALID, INVALID and SUSPENDED side by side', () => {
    const list = createTokenStatusList({ length: 8, bits: 2 })
    list.set(1, TOKEN_STATUS.INVALID)
    list.set(2, TOKEN_STATUS.SUSPENDED)
    expect([0, 1, 2, 3].map((i) => list.get(i))).toEqual([0, 1, 2, 0])
    expect(list.toBytes()).toEqual(Uint8Array.of(0b0010_0100, 0))
  })

  it('error: bits 3 is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => createTokenStatusList({ bits: 3 as 1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it.each([0, -8, 7, 1.5, 2 ** 28])('error: length %s is refused with ERR_INVALID_ARGUMENT', (length) => {
    expect(() => createTokenStatusList({ length })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('error: values outside 0..2^bits-1 and indexes outside the list are refused by code', () => {
    const list = createTokenStatusList({ length: 8, bits: 2 })
    expect(() => list.set(0, 4)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
    expect(() => list.get(8)).toThrow(expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }))
    expect(() => list.get(-1)).toThrow(expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }))
  })
})
