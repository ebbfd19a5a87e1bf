import { describe, expect, it } from 'vitest'
import { createMemoryNonceStore } from '../createMemoryNonceStore.js'
import { createTransactionStore } from './createTransactionStore.js'
import { readSignInStatus } from './readSignInStatus.js'

const query = { credentials: [{ id: 'residency', format: 'vc+jwt' as const }] }

async function setting() {
  const clock = () => 0
  const transactions = createTransactionStore(createMemoryNonceStore({ clock }), { clock, ttlMs: 1_000 })
  return { transactions, transaction: await transactions.open(query) }
}

describe('readSignInStatus', () => {
  it('behavior: pending until the transaction expires, expired from then on', async () => {
    const { transactions, transaction } = await setting()
    expect(await readSignInStatus(transactions, transaction.statusId, 999)).toEqual({
      status: 'pending',
      expiresAt: 1_000,
    })
    expect(await readSignInStatus(transactions, transaction.statusId, 1_000)).toEqual({ status: 'expired' })
  })

  it('behavior: complete with the kept result once answered, even after the transaction ended', async () => {
    const { transactions, transaction } = await setting()
    const result = { did: 'did:example:mari', claims: {}, credentials: {} }
    await transactions.complete(transaction, result)
    expect(await readSignInStatus(transactions, transaction.statusId, 5_000)).toEqual({
      status: 'complete',
      result,
    })
  })

  it('behavior: an unknown id, or the request id in its place, reads as expired', async () => {
    const { transactions, transaction } = await setting()
    expect(await readSignInStatus(transactions, 'unknown', 0)).toEqual({ status: 'expired' })
    expect(await readSignInStatus(transactions, transaction.requestId, 0)).toEqual({ status: 'expired' })
  })
})
