import { describe, expect, it } from 'vitest'
import type { StatusListSnapshot } from '../types.js'
import { createSignedListCache } from './createSignedListCache.js'

function setting() {
  let now = 0
  const lists = new Map<string, StatusListSnapshot>()
  const snapshot = (value: number): StatusListSnapshot => ({
    listId: 'a',
    purpose: 'revocation',
    statusSize: 1,
    length: 131_072,
    entries: value === 0 ? [] : [{ index: 5, value }],
    updatedAt: 0,
  })
  lists.set('a', snapshot(0))
  let signings = 0
  let failNext = false
  const publish = createSignedListCache({
    getList: async (listId) => lists.get(listId),
    sign: async (list) => {
      if (failNext) {
        failNext = false
        throw new Error('key store down')
      }
      signings += 1
      return `signed #${signings} of ${JSON.stringify(list.entries)}`
    },
    validForMs: 1000,
    clock: () => now,
  })
  return {
    publish,
    change: (value: number) => lists.set('a', snapshot(value)),
    failNext: () => (failNext = true),
    advance: (ms: number) => (now += ms),
    signings: () => signings,
  }
}

describe('createSignedListCache', () => {
  it('behavior: an unknown list is undefined and nothing is signed', async () => {
    const { publish, signings } = setting()
    expect(await publish('b')).toBeUndefined()
    expect(signings()).toBe(0)
  })

  it('behavior: an unchanged list is signed once; a change in its entries signs it again', async () => {
    const { publish, change, signings } = setting()
    const first = await publish('a')
    expect(await publish('a')).toBe(first)
    change(1)
    expect(await publish('a')).toBe('signed #2 of [{"index":5,"value":1}]')
    expect(signings()).toBe(2)
  })

  it('behavior: an unchanged list is signed again halfway through its validity', async () => {
    const { publish, advance, signings } = setting()
    await publish('a')
    advance(499)
    await publish('a')
    advance(1)
    expect(await publish('a')).toBe('signed #2 of []')
    expect(signings()).toBe(2)
  })

  it('error: a failed signing is thrown and not kept; the next publish signs again', async () => {
    const { publish, failNext } = setting()
    failNext()
    await expect(publish('a')).rejects.toThrow('key store down')
    expect(await publish('a')).toBe('signed #1 of []')
  })
})
