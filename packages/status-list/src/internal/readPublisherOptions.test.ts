import { describe, expect, it } from 'vitest'
import { readPublisherOptions } from './readPublisherOptions.js'

describe('readPublisherOptions', () => {
  it('behavior: defaults are 5 minutes of ttl, 1 day of validity and revocation; trailing slashes go', () => {
    expect(readPublisherOptions({ baseUrl: 'https://city.example/status//', tokens: false })).toEqual({
      baseUrl: 'https://city.example/status',
      ttlMs: 300_000,
      validForMs: 86_400_000,
      purposes: ['revocation'],
    })
  })

  it('behavior: given values are kept', () => {
    const settings = readPublisherOptions({
      baseUrl: 'http://127.0.0.1:8080/s',
      tokens: false,
      ttlMs: 1,
      validForMs: 2,
      purposes: ['suspension'],
    })
    expect(settings).toEqual({
      baseUrl: 'http://127.0.0.1:8080/s',
      ttlMs: 1,
      validForMs: 2,
      purposes: ['suspension'],
    })
  })

  it.each([
    ['a relative baseUrl', { baseUrl: '/status' }],
    ['an ftp baseUrl', { baseUrl: 'ftp://city.example/status' }],
    ['a zero ttlMs', { ttlMs: 0 }],
    ['a fractional validForMs', { validForMs: 1.5 }],
    ['purposes with token lists', { tokens: true, purposes: ['revocation' as const] }],
  ])('error: %s is ERR_INVALID_ARGUMENT', (_, change) => {
    expect(() =>
      readPublisherOptions({ baseUrl: 'https://city.example/status', tokens: false, ...change }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })
})
