import { describeStatusRegistryConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from './createMemoryStatusRegistry.js'

describeStatusRegistryConformance('memory', ({ listLength, clock }) =>
  createMemoryStatusRegistry({ listLength, clock, allowShortLists: true }),
)

describe('createMemoryStatusRegistry', () => {
  it('behavior: lists default to 131,072 entries', async () => {
    const registry = createMemoryStatusRegistry()
    const entry = await registry.allocate({ purpose: 'revocation' })
    expect((await registry.getList(entry.listId))?.length).toBe(131_072)
  })

  it('error: short lists need allowShortLists, else ERR_INVALID_ARGUMENT', () => {
    expect(() => createMemoryStatusRegistry({ listLength: 16 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createMemoryStatusRegistry({ listLength: 12, allowShortLists: true })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
