import type { DIDResolutionResult } from 'did-resolver'
import { describe, expect, it } from 'vitest'
import { createResolutionCache } from './createResolutionCache.js'
import { createResolver } from './createResolver.js'

function countingResolver(options: {
  fail?: boolean
  maxAgeMs?: number
  clock: () => number
  maxEntries?: number
  ttlMs?: number
}) {
  let calls = 0
  const cache = createResolutionCache({
    clock: options.clock,
    maxEntries: options.maxEntries ?? 10,
    ttlMs: options.ttlMs ?? 1000,
  })
  const resolver = createResolver({
    cache,
    resolvers: [
      {
        test: async (did): Promise<DIDResolutionResult> => {
          calls++
          return options.fail
            ? { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} }
            : {
                didResolutionMetadata: options.maxAgeMs === undefined ? {} : { maxAgeMs: options.maxAgeMs },
                didDocument: { id: did },
                didDocumentMetadata: {},
              }
        },
      },
    ],
  })
  return { resolver, cache, calls: () => calls }
}

describe('createResolutionCache', () => {
  it('behavior: a fresh document is served from the cache until its TTL passes', async () => {
    let now = 0
    const { resolver, calls } = countingResolver({ clock: () => now })
    await resolver.resolve('did:test:a')
    await resolver.resolve('did:test:a')
    expect(calls()).toBe(1)
    now = 1001
    await resolver.resolve('did:test:a')
    expect(calls()).toBe(2)
  })

  it('behavior: a maxAgeMs hint shortens the TTL, never lengthens it, and 0 is not cached', async () => {
    let now = 0
    const short = countingResolver({ clock: () => now, maxAgeMs: 100 })
    await short.resolver.resolve('did:test:a')
    now = 99
    await short.resolver.resolve('did:test:a')
    expect(short.calls()).toBe(1)
    now = 101
    await short.resolver.resolve('did:test:a')
    expect(short.calls()).toBe(2)

    now = 0
    const long = countingResolver({ clock: () => now, maxAgeMs: 1_000_000 })
    await long.resolver.resolve('did:test:a')
    now = 1001
    await long.resolver.resolve('did:test:a')
    expect(long.calls()).toBe(2)

    const none = countingResolver({ clock: () => 0, maxAgeMs: 0 })
    await none.resolver.resolve('did:test:a')
    await none.resolver.resolve('did:test:a')
    expect(none.calls()).toBe(2)
    expect(none.cache.size).toBe(0)
  })

  it('behavior: failures are never cached', async () => {
    const { resolver, calls } = countingResolver({ clock: () => 0, fail: true })
    await resolver.resolve('did:test:a')
    await resolver.resolve('did:test:a')
    expect(calls()).toBe(2)
  })

  it('behavior: the least recently used document is evicted beyond maxEntries', async () => {
    const { resolver, cache, calls } = countingResolver({ clock: () => 0, maxEntries: 2 })
    await resolver.resolve('did:test:a')
    await resolver.resolve('did:test:b')
    await resolver.resolve('did:test:a')
    await resolver.resolve('did:test:c')
    expect(cache.size).toBe(2)
    await resolver.resolve('did:test:a')
    expect(calls()).toBe(3)
    await resolver.resolve('did:test:b')
    expect(calls()).toBe(4)
  })

  it('behavior: cached documents are frozen so callers cannot poison them', async () => {
    const { resolver } = countingResolver({ clock: () => 0 })
    const { didDocument } = await resolver.resolve('did:test:a')
    expect(Object.isFrozen(didDocument)).toBe(true)
  })

  it('behavior: peek answers a cached DID and its versions exactly, and nothing once expired', async () => {
    let now = 0
    const { resolver, cache } = countingResolver({ clock: () => now })
    const result = await resolver.resolve('did:test:a')
    await resolver.resolve('did:test:a?versionId=2')
    expect(cache.peek?.('did:test:a')).toBe(result)
    expect(cache.peek?.('did:test:a?versionId=2')?.didDocument).toEqual({ id: 'did:test:a' })
    expect(cache.peek?.('did:test:a#key-1')).toBeUndefined()
    expect(cache.peek?.('did:test:b')).toBeUndefined()
    now = 1001
    expect(cache.peek?.('did:test:a')).toBeUndefined()
    expect(cache.size).toBe(1)
  })

  it('behavior: a warm DID is answered from the cache; URLs with a fragment resolve as before', async () => {
    const { resolver, calls } = countingResolver({ clock: () => 0 })
    const first = await resolver.resolve('did:test:a')
    expect(await resolver.resolve('did:test:a')).toBe(first)
    expect((await resolver.resolve('did:test:a#key-1')).didDocument).toBe(first.didDocument)
    expect(calls()).toBe(1)
  })

  it('security: a cache shared with another resolver never answers for a method this one lacks', async () => {
    const { resolver, cache } = countingResolver({ clock: () => 0 })
    await resolver.resolve('did:test:a')
    const withoutTest = createResolver({ cache })
    const { didResolutionMetadata, didDocument } = await withoutTest.resolve('did:test:a')
    expect(didResolutionMetadata.error).toBe('unsupportedDidMethod')
    expect(didDocument).toBeNull()
  })

  it('error: non-positive limits are ERR_INVALID_ARGUMENT', () => {
    expect(() => createResolutionCache({ maxEntries: 0 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createResolutionCache({ ttlMs: -1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
