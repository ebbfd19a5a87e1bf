import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { toCachedList } from './cachedList.js'

describe('toCachedList', () => {
  it('behavior: keeps the W3C credential and the times, with nothing decoded yet', () => {
    const credential = { id: 'https://city.example/status/1' }
    const times = { fetchedAt: 1, expiresAt: 2, validUntil: 3, etag: '"v1"' }
    const cached = toCachedList({ credential, validUntil: 99, ttlMs: 5 }, times)
    expect(cached).toEqual({ credential, decoded: new Map(), ...times })
    expect('tokenList' in cached).toBe(false)
  })

  it('behavior: keeps a token list and leaves out the absent credential and etag', () => {
    const tokenList = createTokenStatusList({ bits: 2 })
    const cached = toCachedList({ tokenList }, { fetchedAt: 1, expiresAt: 2, validUntil: 3 })
    expect(cached.tokenList).toBe(tokenList)
    expect(Object.keys(cached).sort()).toEqual([
      'decoded',
      'expiresAt',
      'fetchedAt',
      'tokenList',
      'validUntil',
    ])
  })
})
