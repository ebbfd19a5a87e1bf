import type { SignInReport, SignInStatus } from '../types.js'
import type { TransactionStore } from './createTransactionStore.js'

/**
 * Where the sign-in a page polls (by its status id) stands: `complete` with its kept result once
 * answered, `pending` until it expires, `expired` after that or for an id the store does not know.
 *
 * @throws whatever the store throws (`ERR_STORE_UNAVAILABLE`).
 */
export async function readSignInStatus<R extends SignInReport>(
  transactions: TransactionStore<R>,
  statusId: string,
  now: number,
): Promise<SignInStatus<R>> {
  const transaction = await transactions.byStatusId(statusId)
  if (transaction === undefined) return { status: 'expired' }
  const result = await transactions.resultOf(transaction)
  if (result !== undefined) return { status: 'complete', result }
  return now < transaction.expiresAt
    ? { status: 'pending', expiresAt: transaction.expiresAt }
    : { status: 'expired' }
}
