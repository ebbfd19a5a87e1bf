import { CivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { passUnavailableList } from './passUnavailableList.js'

const url = 'https://city.example/status/1'
const outage = new CivitasError('ERR_STATUS_LIST_UNAVAILABLE', 'status list answered HTTP 503')
const refusal = new CivitasError('ERR_STATUS_LIST_INVALID', 'status list answered HTTP 404')

describe('passUnavailableList', () => {
  it("behavior: with 'accept' an outage passes and its URL is noted", () => {
    const unavailable: string[] = []
    expect(passUnavailableList(outage, url, 'accept', unavailable)).toBeUndefined()
    expect(unavailable).toEqual([url])
  })

  it.each([
    ['an outage by default', outage, undefined],
    ["an outage with 'fail'", outage, 'fail'],
    ["an invalid list even with 'accept'", refusal, 'accept'],
    ["a failure that is no CivitasError with 'accept'", new TypeError('boom'), 'accept'],
  ] as const)('error: %s is thrown again and nothing is noted', (_, error, policy) => {
    const unavailable: string[] = []
    expect(() => passUnavailableList(error, url, policy, unavailable)).toThrow(error)
    expect(unavailable).toEqual([])
  })
})
