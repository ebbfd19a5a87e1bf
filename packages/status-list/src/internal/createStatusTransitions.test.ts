import { describe, expect, it } from 'vitest'
import { createMemoryStatusRegistry } from '../createMemoryStatusRegistry.js'
import { createStatusTransitions } from './createStatusTransitions.js'

const change = { actor: 'clerk@city', reason: 'check' }

async function registryWith(...purposes: ('revocation' | 'suspension')[]) {
  const registry = createMemoryStatusRegistry({ clock: () => 0 })
  const lists: Record<string, string> = {}
  for (const purpose of purposes) {
    const statusSize = purposes.length === 1 ? { statusSize: 2 as const } : {}
    lists[purpose] = (await registry.allocate({ purpose, credentialId: 'card-1', ...statusSize })).listId
  }
  return Object.assign(registry, { lists })
}

describe('createStatusTransitions', () => {
  it('behavior: W3C lists set the bit of the purpose: revoke, suspend, reinstate', async () => {
    const registry = await registryWith('revocation', 'suspension')
    const transitions = createStatusTransitions(registry, false)
    const { revocation, suspension } = registry.lists
    const suspended = await transitions.suspend('card-1', change)
    expect(suspended).toMatchObject({ listId: suspension, previous: 0, value: 1 })
    const reinstated = await transitions.reinstate('card-1', change)
    expect(reinstated).toMatchObject({ listId: suspension, previous: 1, value: 0 })
    const revoked = await transitions.revoke('card-1', change)
    expect(revoked).toMatchObject({ listId: revocation, previous: 0, value: 1 })
  })

  it('behavior: a token entry moves between VALID and SUSPENDED, and to INVALID', async () => {
    const registry = await registryWith('revocation')
    const transitions = createStatusTransitions(registry, true)
    expect(await transitions.suspend('card-1', change)).toMatchObject({
      previous: 0,
      value: 2,
      actor: 'clerk@city',
    })
    expect(await transitions.reinstate('card-1', change)).toMatchObject({ previous: 2, value: 0 })
    expect(await transitions.revoke('card-1', change)).toMatchObject({ previous: 0, value: 1 })
  })

  it.each(['suspend', 'reinstate'] as const)(
    'error: a revoked token entry cannot %s: ERR_INVALID_ARGUMENT',
    async (name) => {
      const registry = await registryWith('revocation')
      const transitions = createStatusTransitions(registry, true)
      await transitions.revoke('card-1', change)
      await expect(transitions[name]('card-1', change)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
        details: { credentialId: 'card-1' },
      })
    },
  )

  it('error: a W3C suspension without a suspension entry is ERR_STATUS_ENTRY_NOT_FOUND', async () => {
    const transitions = createStatusTransitions(await registryWith('revocation'), false)
    await expect(transitions.suspend('card-1', change)).rejects.toMatchObject({
      code: 'ERR_STATUS_ENTRY_NOT_FOUND',
    })
  })
})
