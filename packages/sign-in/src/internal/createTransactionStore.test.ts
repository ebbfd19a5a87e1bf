import { CivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { createMemoryNonceStore } from '../createMemoryNonceStore.js'
import type { DcqlQuery, NonceStore } from '../types.js'
import { createTransactionStore } from './createTransactionStore.js'

const query: DcqlQuery = { credentials: [{ id: 'residency', format: 'vc+jwt' }] }
const result = { did: 'did:example:mari', claims: { name: 'Mari' }, credentials: {} }

function setting(store: NonceStore = createMemoryNonceStore({ clock: () => 1_000 })) {
  return createTransactionStore(store, { clock: () => 1_000, ttlMs: 300_000 })
}

describe('createTransactionStore', () => {
  it('behavior: a transaction gets fresh 256-bit ids, nonce and state and is found by each id', async () => {
    const transactions = setting()
    const transaction = await transactions.open(query)
    const { requestId, statusId, nonce, state } = transaction
    for (const token of [requestId, statusId, nonce, state]) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set([requestId, statusId, nonce, state]).size).toBe(4)
    expect(transaction).toMatchObject({ query, expiresAt: 301_000 })
    expect(await transactions.byRequestId(requestId)).toEqual(transaction)
    expect(await transactions.byState(state)).toEqual(transaction)
    expect(await transactions.byStatusId(statusId)).toEqual(transaction)
  })

  it('behavior: ids of one kind do not find a transaction as another kind', async () => {
    const transactions = setting()
    const { requestId, statusId, state } = await transactions.open(query)
    expect(await transactions.byState(statusId)).toBeUndefined()
    expect(await transactions.byStatusId(state)).toBeUndefined()
    expect(await transactions.byRequestId(state)).toBeUndefined()
    expect(await transactions.byState(requestId)).toBeUndefined()
  })

  it('behavior: a result is kept once it completes the transaction', async () => {
    const transactions = setting()
    const transaction = await transactions.open(query)
    expect(await transactions.resultOf(transaction)).toBeUndefined()
    await transactions.complete(transaction, result)
    expect(await transactions.resultOf(transaction)).toEqual(result)
  })

  it('error: a second answer, from any instance sharing the store, is ERR_NONCE_REPLAYED', async () => {
    const store = createMemoryNonceStore({ clock: () => 1_000 })
    const transaction = await setting(store).open(query)
    await setting(store).complete(transaction, result)
    await expect(
      setting(store).complete(transaction, { ...result, did: 'did:example:eve' }),
    ).rejects.toMatchObject({
      code: 'ERR_NONCE_REPLAYED',
    })
    expect(await setting(store).resultOf(transaction)).toEqual(result)
  })

  it('error: a store that is down fails with its own code', async () => {
    const down = new CivitasError('ERR_STORE_UNAVAILABLE', 'the nonce store is unreachable')
    const store: NonceStore = {
      set: () => Promise.reject(down),
      get: () => Promise.reject(down),
      claim: () => Promise.reject(down),
      close: () => Promise.resolve(),
    }
    await expect(setting(store).open(query)).rejects.toBe(down)
    await expect(setting(store).byState('x')).rejects.toBe(down)
  })
})
