import { CivitasError, type Clock } from '@civitas/core'
import type { DcqlQuery, NonceStore, SignInReport, SignInResult } from '../types.js'
import { randomToken } from './randomToken.js'
import type { Transaction } from './verifySignInResponse.js'

// Keys outlive their transaction so that late answers are told "expired", not "unknown".
const GRACE_MS = 10 * 60_000

/**
 * The relying party's transactions in its nonce store: each is kept under its request id
 * (`tx:`), found by the state the wallet returns (`state:`) and by the id the page polls
 * (`status:`); its single answer is claimed once (`done:`) and its result kept (`result:`).
 */
export interface TransactionStore<R extends SignInReport = SignInReport> {
  /** How long a transaction's keys are kept, in milliseconds: its lifetime and a grace period. */
  readonly keepMs: number
  /** Starts a transaction for a checked query: fresh 256-bit ids, nonce and state, stored. */
  open(query: DcqlQuery): Promise<Transaction>
  byRequestId(requestId: string): Promise<Transaction | undefined>
  byState(state: string): Promise<Transaction | undefined>
  byStatusId(statusId: string): Promise<Transaction | undefined>
  /**
   * Keeps a transaction's verified result, once: of any number of answers, on any instance sharing
   * the store, exactly one is kept.
   *
   * @throws `ERR_NONCE_REPLAYED` when the transaction was already answered.
   */
  complete(transaction: Transaction, result: SignInResult<R>): Promise<void>
  /** The kept result of a transaction, if it was answered. */
  resultOf(transaction: Transaction): Promise<SignInResult<R> | undefined>
}

/**
 * Creates the transaction store of a relying party over a nonce store; transactions run `ttlMs`.
 *
 * @throws from every method: whatever the store throws (`ERR_STORE_UNAVAILABLE`).
 */
export function createTransactionStore<R extends SignInReport = SignInReport>(
  store: NonceStore,
  options: { clock: Clock; ttlMs: number },
): TransactionStore<R> {
  const { clock, ttlMs } = options
  const keep = ttlMs + GRACE_MS
  const byRequestId = async (requestId: string): Promise<Transaction | undefined> => {
    const stored = await store.get(`tx:${requestId}`)
    return stored === undefined ? undefined : (JSON.parse(stored) as Transaction)
  }
  const byPointer = async (key: string): Promise<Transaction | undefined> => {
    const requestId = await store.get(key)
    return requestId === undefined ? undefined : byRequestId(requestId)
  }
  return {
    keepMs: keep,
    async open(query) {
      const transaction: Transaction = {
        requestId: randomToken(),
        statusId: randomToken(),
        nonce: randomToken(),
        state: randomToken(),
        query,
        expiresAt: clock() + ttlMs,
      }
      await store.set(`tx:${transaction.requestId}`, JSON.stringify(transaction), keep)
      await store.set(`state:${transaction.state}`, transaction.requestId, keep)
      await store.set(`status:${transaction.statusId}`, transaction.requestId, keep)
      return transaction
    },
    byRequestId,
    byState: (state) => byPointer(`state:${state}`),
    byStatusId: (statusId) => byPointer(`status:${statusId}`),
    async complete(transaction, result) {
      if (!(await store.claim(`done:${transaction.requestId}`, keep))) {
        throw new CivitasError('ERR_NONCE_REPLAYED', 'this sign-in was already answered')
      }
      await store.set(`result:${transaction.requestId}`, JSON.stringify(result), keep)
    },
    async resultOf(transaction) {
      const result = await store.get(`result:${transaction.requestId}`)
      return result === undefined ? undefined : (JSON.parse(result) as SignInResult<R>)
    },
  }
}
