import { expect, it } from 'vitest'
import type { StatusRegistryConformanceContext } from '../types.js'

export function defineStatusRegistryStateCases(context: StatusRegistryConformanceContext): void {
  it('behavior: new entries are 0; set by credential id is read by list and index, and audited', async () => {
    let now = 1_700_000_000_000
    const registry = await context.make({ clock: () => now })
    const entry = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:a' })
    expect(await registry.getStatus(entry)).toBe(0)
    now += 1000
    const record = await registry.setStatus(
      { credentialId: 'urn:uuid:a' },
      { value: 1, actor: 'clerk@city', reason: 'moved away' },
    )
    expect(record).toEqual({
      listId: entry.listId,
      index: entry.index,
      credentialId: 'urn:uuid:a',
      actor: 'clerk@city',
      reason: 'moved away',
      previous: 0,
      value: 1,
      at: now,
    })
    expect(await registry.getStatus({ listId: entry.listId, index: entry.index })).toBe(1)
    expect(await registry.getStatus({ credentialId: 'urn:uuid:a' })).toBe(1)
    const list = await registry.getList(entry.listId)
    expect(list?.entries).toEqual([{ index: entry.index, value: 1 }])
    expect(list?.updatedAt).toBe(now)
  })

  it('behavior: the audit trail keeps every change in order, per entry and overall', async () => {
    let now = 1_000
    const registry = await context.make({ clock: () => now++ })
    const a = await registry.allocate({ purpose: 'suspension' })
    const b = await registry.allocate({ purpose: 'suspension', credentialId: 'urn:uuid:b' })
    await registry.setStatus(a, { value: 1, actor: 'nurse' })
    await registry.setStatus(b, { value: 1, actor: 'nurse' })
    await registry.setStatus(a, { value: 0, actor: 'doctor', reason: 'negative test' })
    const forA = await registry.audit({ listId: a.listId, index: a.index })
    expect(forA.map((r) => [r.actor, r.previous, r.value])).toEqual([
      ['nurse', 0, 1],
      ['doctor', 1, 0],
    ])
    expect(forA[1]?.reason).toBe('negative test')
    expect(forA[0]?.credentialId).toBeUndefined()
    const all = await registry.audit()
    expect(all.map((r) => r.index)).toEqual([a.index, b.index, a.index])
    expect(all.map((r) => r.at)).toEqual([...all.map((r) => r.at)].sort((x, y) => x - y))
    expect((await registry.audit({ credentialId: 'urn:uuid:b' })).length).toBe(1)
    expect((await registry.getList(a.listId))?.entries).toEqual([{ index: b.index, value: 1 }])
  })

  it('behavior: 2-bit entries (token status lists) hold 0..3 in lists apart from 1-bit ones of the purpose', async () => {
    const registry = await context.make()
    const bit = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:w3c' })
    const pair = await registry.allocate({
      purpose: 'revocation',
      credentialId: 'urn:uuid:token',
      statusSize: 2,
    })
    expect(pair.listId).not.toBe(bit.listId)
    await registry.setStatus(pair, { value: 2, actor: 'clerk@city', reason: 'document check' })
    expect(await registry.getStatus({ credentialId: 'urn:uuid:token' })).toBe(2)
    const list = await registry.getList(pair.listId)
    expect(list).toMatchObject({
      statusSize: 2,
      purpose: 'revocation',
      entries: [{ index: pair.index, value: 2 }],
    })
    expect((await registry.getList(bit.listId))?.statusSize).toBe(1)
    await expect(registry.setStatus(pair, { value: 4, actor: 'clerk@city' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(registry.setStatus(bit, { value: 2, actor: 'clerk@city' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(registry.allocate({ purpose: 'revocation', statusSize: 3 as 2 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    const next = await registry.allocate({ purpose: 'revocation', statusSize: 2 })
    expect(next.listId).toBe(pair.listId)
  })

  it('behavior: onlyFrom changes an entry only from the listed values, and refuses others with ERR_INVALID_ARGUMENT', async () => {
    const registry = await context.make()
    const entry = await registry.allocate({
      purpose: 'revocation',
      credentialId: 'urn:uuid:c',
      statusSize: 2,
    })
    await registry.setStatus(entry, { value: 2, actor: 'clerk', onlyFrom: [0, 2] })
    await registry.setStatus(entry, { value: 1, actor: 'clerk' })
    await expect(
      registry.setStatus(entry, { value: 0, actor: 'clerk', onlyFrom: [0, 2] }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      details: { current: 1 },
    })
    expect(await registry.getStatus(entry)).toBe(1)
    expect((await registry.audit(entry)).map(({ value }) => value)).toEqual([2, 1])
    await expect(
      registry.setStatus(entry, { value: 0, actor: 'clerk', onlyFrom: 'all' as unknown as number[] }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })

  it('error: unknown entries raise ERR_STATUS_ENTRY_NOT_FOUND', async () => {
    const registry = await context.make({ listLength: 16 })
    const entry = await registry.allocate({ purpose: 'revocation' })
    const unallocated = { listId: entry.listId, index: (entry.index + 1) % 16 }
    for (const ref of [
      { credentialId: 'urn:uuid:nobody' },
      { listId: 'no-such-list', index: 0 },
      unallocated,
    ]) {
      await expect(registry.getStatus(ref)).rejects.toMatchObject({ code: 'ERR_STATUS_ENTRY_NOT_FOUND' })
      await expect(registry.findEntry(ref)).rejects.toMatchObject({ code: 'ERR_STATUS_ENTRY_NOT_FOUND' })
      await expect(registry.setStatus(ref, { value: 1, actor: 'x' })).rejects.toMatchObject({
        code: 'ERR_STATUS_ENTRY_NOT_FOUND',
      })
    }
    expect(await registry.getList('no-such-list')).toBeUndefined()
  })

  it('error: bad values, actors and references are refused with ERR_INVALID_ARGUMENT', async () => {
    const registry = await context.make()
    const entry = await registry.allocate({ purpose: 'revocation' })
    for (const bad of [
      { value: 2, actor: 'x' },
      { value: -1, actor: 'x' },
      { value: 1.5, actor: 'x' },
      { value: 1, actor: '' },
    ]) {
      await expect(registry.setStatus(entry, bad)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
    await expect(registry.getStatus({ listId: entry.listId, index: -1 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(registry.getStatus({} as { credentialId: string })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    expect(await registry.getStatus(entry)).toBe(0)
    expect(await registry.audit()).toEqual([])
  })

  it('behavior: durable state survives reopening the registry, and close() may be called twice', async () => {
    if (!context.durable) return
    const namespace = `durable_${Math.random().toString(36).slice(2, 8)}`
    const first = await context.make({ namespace })
    const entry = await first.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:kept' })
    await first.setStatus(entry, { value: 1, actor: 'clerk' })
    await first.close()
    await first.close()
    const second = await context.make({ namespace })
    expect(await second.getStatus({ credentialId: 'urn:uuid:kept' })).toBe(1)
    expect((await second.audit()).length).toBe(1)
    const next = await second.allocate({ purpose: 'revocation' })
    expect(next.listId).toBe(entry.listId)
    expect(next.index).not.toBe(entry.index)
  })
}
