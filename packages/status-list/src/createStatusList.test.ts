import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStatusList } from './createStatusList.js'
import { decodeStatusList } from './decodeStatusList.js'
import type { StatusSize } from './types.js'

describe('createStatusList', () => {
  it('behavior: a new list has 131,072 zero entries and encodes with the u prefix', async () => {
    const list = createStatusList()
    expect(list.length).toBe(131_072)
    expect(list.get(131_071)).toBe(0)
    const encoded = await list.encode()
    expect(encoded.startsWith('uH4sI')).toBe(true)
    expect(encoded).toBe(await createStatusList().encode())
  })

  it('property: set/get/encode/decode round-trips random index sets for every statusSize', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<StatusSize>(1, 2, 4, 8),
        fc.array(fc.tuple(fc.nat({ max: 131_071 }), fc.nat({ max: 255 })), { maxLength: 40 }),
        async (statusSize, writes) => {
          const list = createStatusList({ statusSize })
          const expected = new Map<number, number>()
          for (const [index, raw] of writes) {
            const value = raw % (1 << statusSize)
            list.set(index, value)
            expected.set(index, value)
          }
          const decoded = decodeStatusList(await list.encode(), { statusSize })
          expect(decoded.length).toBe(131_072)
          for (const [index, value] of expected) expect(decoded.get(index)).toBe(value)
          const nonZero = [...expected.values()].filter((v) => v !== 0).length
          let count = 0
          for (let i = 0; i < decoded.length; i++) if (decoded.get(i) !== 0) count++
          expect(count).toBe(nonZero)
        },
      ),
      { numRuns: 20 },
    )
  })

  it('behavior: setting one entry leaves its neighbours alone', () => {
    const list = createStatusList({ statusSize: 4 })
    list.set(5, 15)
    list.set(4, 3)
    expect([list.get(3), list.get(4), list.get(5), list.get(6)]).toEqual([0, 3, 15, 0])
  })

  it('error: a list shorter than 131,072 is refused with ERR_INVALID_ARGUMENT unless the minimum is lowered', () => {
    expect(() => createStatusList({ length: 1024 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(createStatusList({ length: 1024, minimumLength: 16 }).length).toBe(1024)
  })

  it('error: bad statusSize, length or value are refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => createStatusList({ statusSize: 3 as 1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createStatusList({ length: 131_073 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    const list = createStatusList()
    expect(() => list.set(0, 2)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
    expect(() => list.set(0, -1)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })

  it('error: index outside the list is refused with ERR_STATUS_INDEX_OUT_OF_RANGE', () => {
    const list = createStatusList()
    expect(() => list.set(131_072, 1)).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }),
    )
    expect(() => list.get(-1)).toThrow(expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }))
  })
})
