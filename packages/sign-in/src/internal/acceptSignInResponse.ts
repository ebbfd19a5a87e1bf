import { CivitasError, readResponseText } from '@civitas/core'
import type { SignInReport, SignInResult } from '../types.js'
import type { TransactionStore } from './createTransactionStore.js'
import { failureAnswer, jsonAnswer } from './signInAnswers.js'
import type { Transaction } from './verifySignInResponse.js'

/**
 * Answers `POST <base>/response`, a wallet's `direct_post`: reads the form (capped at
 * `maxBytes`), finds the live transaction its `state` names, verifies the answer with `verify`
 * and only then claims the transaction, so a forged answer cannot burn it and of any number of
 * replays of a valid one exactly one is kept; with `redirect` the answer sends the wallet on
 * (same-device flow). Never throws: a refusal is a 400 (a 503 when the
 * store is down) carrying its code.
 */
export async function acceptSignInResponse<R extends SignInReport>(
  request: Request,
  options: {
    transactions: TransactionStore<R>
    verify: (form: URLSearchParams, transaction: Transaction) => Promise<SignInResult<R>>
    maxBytes: number
    now: () => number
    /** Same-device flow: the `{ redirect_uri }` an accepted answer is answered with. */
    redirect?: (transaction: Transaction) => Promise<{ redirect_uri: string }>
  },
): Promise<Response> {
  const { transactions, verify, maxBytes, now, redirect } = options
  try {
    const form = await readForm(request, maxBytes)
    const transaction = await liveTransaction(transactions, form.get('state'), now())
    await transactions.complete(transaction, await verify(form, transaction))
    return jsonAnswer(200, redirect === undefined ? {} : await redirect(transaction))
  } catch (error) {
    return failureAnswer(error, 'the response could not be processed')
  }
}

async function readForm(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new CivitasError(
      'ERR_REQUEST_INVALID',
      'the response must be application/x-www-form-urlencoded (direct_post)',
    )
  }
  const body = await readResponseText(new Response(request.body, { headers: request.headers }), {
    maxBytes,
    name: 'response body',
  })
  return new URLSearchParams(body)
}

async function liveTransaction(
  transactions: TransactionStore,
  state: string | null,
  now: number,
): Promise<Transaction> {
  const transaction = state === null ? undefined : await transactions.byState(state)
  if (transaction === undefined)
    throw new CivitasError('ERR_STATE_MISMATCH', 'the state names no sign-in of this relying party')
  if (now >= transaction.expiresAt)
    throw new CivitasError('ERR_TRANSACTION_EXPIRED', 'this sign-in has expired; start again')
  return transaction
}
