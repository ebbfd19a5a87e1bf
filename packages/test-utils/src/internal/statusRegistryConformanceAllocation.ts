import { expect, it } from 'vitest'
import type { StatusRegistryConformanceContext } from '../types.js'

export function defineStatusRegistryAllocationCases(context: StatusRegistryConformanceContext): void {
  it('behavior: allocate returns an in-range index of a list with the requested purpose', async () => {
    const registry = await context.make()
    const entry = await registry.allocate({ purpose: 'revocation' })
    expect(typeof entry.listId).toBe('string')
    expect(entry.purpose).toBe('revocation')
    expect(Number.isSafeInteger(entry.index) && entry.index >= 0 && entry.index < 16).toBe(true)
    const list = await registry.getList(entry.listId)
    expect(list).toMatchObject({
      listId: entry.listId,
      purpose: 'revocation',
      length: 16,
      statusSize: 1,
      entries: [],
    })
    expect(await registry.listIds()).toEqual([entry.listId])
  })

  it('behavior: full lists roll over to new lists, every index used exactly once', async () => {
    const registry = await context.make({ listLength: 16 })
    const seen = new Map<string, Set<number>>()
    for (let i = 0; i < 40; i++) {
      const { listId, index } = await registry.allocate({ purpose: 'revocation' })
      const indexes = seen.get(listId) ?? new Set<number>()
      expect(indexes.has(index)).toBe(false)
      indexes.add(index)
      seen.set(listId, indexes)
    }
    expect(seen.size).toBe(3)
    const sizes = [...seen.values()].map((s) => s.size).sort((a, b) => b - a)
    expect(sizes).toEqual([16, 16, 8])
    expect((await registry.listIds()).sort()).toEqual([...seen.keys()].sort())
  })

  it('behavior: allocation order is random, not monotone (herd privacy)', async () => {
    const registry = await context.make({ listLength: 131_072 })
    const indexes: number[] = []
    for (let i = 0; i < 200; i++) indexes.push((await registry.allocate({ purpose: 'revocation' })).index)
    let ascents = 0
    for (let i = 1; i < indexes.length; i++) if ((indexes[i] ?? 0) > (indexes[i - 1] ?? 0)) ascents++
    // Random order: ascents ~ Binomial(199, 1/2), mean 99.5, sd 7.05; bounds are 5.6 sd away (p < 1e-7).
    // Sequential (or any monotone) allocation gives 199 or 0.
    expect(ascents).toBeGreaterThan(60)
    expect(ascents).toBeLessThan(140)
    // Spread over the list: a uniform draw of 200 from 131,072 lands in each half about 100 times.
    const low = indexes.filter((i) => i < 65_536).length
    expect(low).toBeGreaterThan(50)
    expect(low).toBeLessThan(150)
  })

  it('behavior: purposes never share a list', async () => {
    const registry = await context.make()
    const revocation = await registry.allocate({ purpose: 'revocation' })
    const suspension = await registry.allocate({ purpose: 'suspension' })
    expect(revocation.listId).not.toBe(suspension.listId)
    expect((await registry.getList(suspension.listId))?.purpose).toBe('suspension')
  })

  it('behavior: concurrent allocations never collide', async () => {
    const registry = await context.make({ listLength: 32 })
    const all = await Promise.all(
      Array.from({ length: 100 }, () => registry.allocate({ purpose: 'revocation' })),
    )
    const keys = new Set(all.map((a) => `${a.listId}#${a.index}`))
    expect(keys.size).toBe(100)
    for (const a of all) expect(a.index).toBeLessThan(32)
  })

  it('behavior: a credential id is bound at allocation and found again', async () => {
    const registry = await context.make()
    const entry = await registry.allocate({ purpose: 'suspension', credentialId: 'urn:uuid:card-1' })
    expect(entry.credentialId).toBe('urn:uuid:card-1')
    expect(await registry.findEntry({ credentialId: 'urn:uuid:card-1' })).toEqual(entry)
    expect(await registry.findEntry({ listId: entry.listId, index: entry.index })).toEqual(entry)
  })

  it('behavior: a credential holds one entry per purpose, each found by naming its purpose', async () => {
    const registry = await context.make()
    const revocation = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:both' })
    const suspension = await registry.allocate({ purpose: 'suspension', credentialId: 'urn:uuid:both' })
    expect(await registry.findEntry({ credentialId: 'urn:uuid:both', purpose: 'revocation' })).toEqual(
      revocation,
    )
    expect(await registry.findEntry({ credentialId: 'urn:uuid:both', purpose: 'suspension' })).toEqual(
      suspension,
    )
    await registry.setStatus(
      { credentialId: 'urn:uuid:both', purpose: 'suspension' },
      { value: 1, actor: 'clerk' },
    )
    expect(await registry.getStatus(revocation)).toBe(0)
    expect(await registry.getStatus(suspension)).toBe(1)
    await expect(registry.findEntry({ credentialId: 'urn:uuid:both' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(
      registry.findEntry({ credentialId: 'urn:uuid:both', purpose: 'message' }),
    ).rejects.toMatchObject({ code: 'ERR_STATUS_ENTRY_NOT_FOUND' })
  })

  it('behavior: allocating again for a credential id and purpose returns the same entry (a retried issuance)', async () => {
    const registry = await context.make()
    const first = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:twice' })
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:twice' }),
      ),
    )
    for (const entry of again) expect(entry).toEqual(first)
    expect((await registry.getList(first.listId))?.entries).toEqual([])
    const other = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:other' })
    expect(`${other.listId}#${other.index}`).not.toBe(`${first.listId}#${first.index}`)
  })

  it('error: a credential id allocated again with another status size is refused with ERR_INVALID_ARGUMENT', async () => {
    const registry = await context.make()
    await registry.allocate({ purpose: 'message', credentialId: 'urn:uuid:sized', statusSize: 2 })
    await expect(
      registry.allocate({ purpose: 'message', credentialId: 'urn:uuid:sized', statusSize: 4 }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })

  it('error: an unknown purpose is refused with ERR_INVALID_ARGUMENT', async () => {
    const registry = await context.make()
    await expect(registry.allocate({ purpose: 'deletion' as 'revocation' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(registry.allocate({ purpose: 'revocation', credentialId: '' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
  })
}
