import { CivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { failureAnswer, jsonAnswer } from './signInAnswers.js'

describe('sign-in answers', () => {
  it('behavior: JSON answers are never cached', async () => {
    const answer = jsonAnswer(200, { status: 'pending' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(await answer.json()).toEqual({ status: 'pending' })
  })

  it('behavior: a refusal is a 400 invalid_request carrying its code', async () => {
    const answer = failureAnswer(new CivitasError('ERR_STATE_MISMATCH', 'no such sign-in'), 'unused')
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({
      error: 'invalid_request',
      error_description: 'no such sign-in',
      code: 'ERR_STATE_MISMATCH',
    })
  })

  it('behavior: a store that is down is a 503 temporarily_unavailable, to retry', async () => {
    const answer = failureAnswer(new CivitasError('ERR_STORE_UNAVAILABLE', 'down'), 'unused')
    expect(answer.status).toBe(503)
    expect(await answer.json()).toMatchObject({
      error: 'temporarily_unavailable',
      code: 'ERR_STORE_UNAVAILABLE',
    })
  })

  it('behavior: a failure that is no CivitasError is ERR_REQUEST_INVALID with the given message', async () => {
    const answer = failureAnswer(new TypeError('x is undefined'), 'the request could not be served')
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({
      error: 'invalid_request',
      error_description: 'the request could not be served',
      code: 'ERR_REQUEST_INVALID',
    })
  })
})
