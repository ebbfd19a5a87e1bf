import { CivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { createMemoryNonceStore } from '../createMemoryNonceStore.js'
import type { NonceStore, SignInResult } from '../types.js'
import { acceptSignInResponse } from './acceptSignInResponse.js'
import { createTransactionStore } from './createTransactionStore.js'
import type { Transaction } from './verifySignInResponse.js'

const query = { credentials: [{ id: 'residency', format: 'vc+jwt' as const }] }
const responseUri = 'https://portal.city.example/sign-in/response'

/**
 * A relying party's response endpoint whose verification accepts a `vp_token` equal to the
 * transaction's nonce (the real verification has its own tests) and records what it saw.
 */
async function setting(store: NonceStore = createMemoryNonceStore({ clock: () => 0 })) {
  let now = 0
  const transactions = createTransactionStore(store, { clock: () => now, ttlMs: 1_000 })
  const transaction = await transactions.open(query)
  const verified: Transaction[] = []
  const verify = async (form: URLSearchParams, answered: Transaction): Promise<SignInResult> => {
    verified.push(answered)
    if (form.get('vp_token') !== answered.nonce) throw new CivitasError('ERR_NONCE_MISMATCH', 'wrong nonce')
    return { did: 'did:example:mari', claims: {}, credentials: {} }
  }
  const accept = (body: string, type = 'application/x-www-form-urlencoded') =>
    acceptSignInResponse(
      new Request(responseUri, { method: 'POST', headers: { 'content-type': type }, body }),
      {
        transactions,
        verify,
        maxBytes: 1_024,
        now: () => now,
      },
    )
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
  return { transactions, transaction, verified, accept, form, advance: (ms: number) => (now += ms) }
}

async function codeOf(answer: Response) {
  return { status: answer.status, code: ((await answer.json()) as { code?: string }).code }
}

describe('acceptSignInResponse', () => {
  it('behavior: a verified answer is accepted with 200 and its result kept', async () => {
    const { transactions, transaction, accept, form } = await setting()
    const answer = await accept(form({ state: transaction.state, vp_token: transaction.nonce }))
    expect(answer.status).toBe(200)
    expect(await transactions.resultOf(transaction)).toMatchObject({ did: 'did:example:mari' })
  })

  it('behavior: with a redirect the accepted answer sends the wallet on', async () => {
    const { transactions, transaction, form } = await setting()
    const redirect = async (answered: typeof transaction) => ({
      redirect_uri: `https://portal.example/#${answered.statusId}`,
    })
    const answer = await acceptSignInResponse(
      new Request(responseUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ state: transaction.state, vp_token: transaction.nonce }),
      }),
      {
        transactions,
        verify: async () => ({ did: 'did:example:mari', claims: {}, credentials: {} }),
        maxBytes: 1_024,
        now: () => 0,
        redirect,
      },
    )
    expect(await answer.json()).toEqual({ redirect_uri: `https://portal.example/#${transaction.statusId}` })
  })

  it('behavior: a forged answer is refused without burning the transaction; a replay is refused', async () => {
    const { transaction, accept, form } = await setting()
    const forged = await accept(form({ state: transaction.state, vp_token: 'forged' }))
    expect(await codeOf(forged)).toEqual({ status: 400, code: 'ERR_NONCE_MISMATCH' })
    const valid = form({ state: transaction.state, vp_token: transaction.nonce })
    expect((await accept(valid)).status).toBe(200)
    expect(await codeOf(await accept(valid))).toEqual({ status: 400, code: 'ERR_NONCE_REPLAYED' })
  })

  it.each([
    ['no state', {}, 'ERR_STATE_MISMATCH'],
    ['an unknown state', { state: 'unknown' }, 'ERR_STATE_MISMATCH'],
  ])('error: %s is %s and nothing is verified', async (_, fields, code) => {
    const { accept, form, verified } = await setting()
    expect(await codeOf(await accept(form(fields)))).toEqual({ status: 400, code })
    expect(verified).toEqual([])
  })

  it('error: an answer after the transaction expired is ERR_TRANSACTION_EXPIRED', async () => {
    const { transaction, accept, form, advance } = await setting()
    advance(1_000)
    const answer = await accept(form({ state: transaction.state, vp_token: transaction.nonce }))
    expect(await codeOf(answer)).toEqual({ status: 400, code: 'ERR_TRANSACTION_EXPIRED' })
  })

  it.each([
    ['a JSON body', '{}', 'application/json'],
    ['a body over the cap', `state=${'x'.repeat(2_000)}`, undefined],
  ])('error: %s is a 400 and nothing is verified', async (_, body, type) => {
    const { accept, verified } = await setting()
    const answer = await accept(body, type)
    expect(answer.status).toBe(400)
    expect(verified).toEqual([])
  })

  it('error: a store that is down is a 503 the wallet can retry on', async () => {
    const store = createMemoryNonceStore({ clock: () => 0 })
    const { transaction, accept, form } = await setting({
      ...store,
      claim: () =>
        Promise.reject(new CivitasError('ERR_STORE_UNAVAILABLE', 'the nonce store is unreachable')),
    })
    const answer = await accept(form({ state: transaction.state, vp_token: transaction.nonce }))
    expect(await codeOf(answer)).toEqual({ status: 503, code: 'ERR_STORE_UNAVAILABLE' })
  })
})
