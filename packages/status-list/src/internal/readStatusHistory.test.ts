import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import type { StatusRegistry } from '../types.js'
import { readStatusHistory } from './readStatusHistory.js'

describe('readStatusHistory', () => {
  it('behavior: the changes of every purpose, oldest first; a purpose without an entry adds nothing', async () => {
    let now = 0
    const registry = createMemoryStatusRegistry({ clock: () => now })
    const revocation = await registry.allocate({ purpose: 'revocation', credentialId: 'card-1' })
    const suspension = await registry.allocate({ purpose: 'suspension', credentialId: 'card-1' })
    const set = (purpose: 'revocation' | 'suspension', value: number, at: number) => {
      now = at
      return registry.setStatus({ credentialId: 'card-1', purpose }, { value, actor: 'clerk' })
    }
    await set('suspension', 1, 10)
    await set('revocation', 1, 30)
    await set('suspension', 0, 20)
    const history = await readStatusHistory(registry, ['revocation', 'suspension'], 'card-1')
    expect(history.map((entry) => [entry.listId, entry.value, entry.at])).toEqual([
      [suspension.listId, 1, 10],
      [suspension.listId, 0, 20],
      [revocation.listId, 1, 30],
    ])
    await registry.allocate({ purpose: 'revocation', credentialId: 'card-2' })
    await registry.setStatus({ credentialId: 'card-2', purpose: 'revocation' }, { value: 1, actor: 'clerk' })
    const onlyRevocation = await readStatusHistory(registry, ['revocation', 'suspension'], 'card-2')
    expect(onlyRevocation.map((entry) => entry.credentialId)).toEqual(['card-2'])
  })

  it('error: a registry failure other than a missing entry is thrown', async () => {
    const registry = createMemoryStatusRegistry()
    const down: StatusRegistry = {
      ...registry,
      audit: () => Promise.reject(Object.assign(new Error('down'), { code: 'ERR_STORE_UNAVAILABLE' })),
    }
    await expect(readStatusHistory(down, ['revocation'], 'card-1')).rejects.toThrow('down')
  })
})
