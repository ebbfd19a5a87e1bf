import { CivitasError, isCivitasError } from '@civitas/core'

/** A JSON answer that no cache keeps. */
export function jsonAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })
}

/**
 * A refusal as JSON carrying its code: 503 `temporarily_unavailable` when the store is down (retry
 * later), 400 `invalid_request` otherwise. A failure that is no `CivitasError` is answered as
 * `ERR_REQUEST_INVALID` with `what` as its message, so nothing escapes a handler unexplained.
 */
export function failureAnswer(error: unknown, what: string): Response {
  const failure = isCivitasError(error)
    ? error
    : new CivitasError('ERR_REQUEST_INVALID', what, { cause: error })
  const down = failure.code === 'ERR_STORE_UNAVAILABLE'
  return jsonAnswer(down ? 503 : 400, {
    error: down ? 'temporarily_unavailable' : 'invalid_request',
    error_description: failure.message,
    code: failure.code,
  })
}
