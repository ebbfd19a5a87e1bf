import { describe, expect, expectTypeOf, it } from 'vitest'
import { type AnyCivitasError, CivitasError } from './errors.js'
import { fixedClock } from './fixedClock.js'
import { isCivitasError } from './isCivitasError.js'

describe('CivitasError', () => {
  it('behavior: carries code, details and cause', () => {
    const cause = new Error('socket closed')
    const error = new CivitasError('ERR_FETCH_FAILED', 'status list unreachable', {
      details: { url: 'x' },
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'CivitasError',
      code: 'ERR_FETCH_FAILED',
      details: { url: 'x' },
      cause,
    })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'CivitasError',
      code: 'ERR_FETCH_FAILED',
      message: 'status list unreachable',
      details: { url: 'x' },
    })
  })

  it('behavior: isCivitasError narrows by code', () => {
    const error: unknown = new CivitasError('ERR_CREDENTIAL_REVOKED', 'revoked')
    expect(isCivitasError(error)).toBe(true)
    expect(isCivitasError(error, 'ERR_CREDENTIAL_REVOKED', 'ERR_CREDENTIAL_SUSPENDED')).toBe(true)
    expect(isCivitasError(error, 'ERR_CREDENTIAL_EXPIRED')).toBe(false)
    expect(isCivitasError(new Error('plain'))).toBe(false)
    if (isCivitasError(error, 'ERR_CREDENTIAL_REVOKED')) {
      expectTypeOf(error.code).toEqualTypeOf<'ERR_CREDENTIAL_REVOKED'>()
    }
  })

  it('behavior: AnyCivitasError is a discriminated union over codes', () => {
    const describeError = (error: AnyCivitasError): string =>
      error.code === 'ERR_CREDENTIAL_EXPIRED' ? 'expired' : 'other'
    expect(describeError(new CivitasError('ERR_CREDENTIAL_EXPIRED', 'x') as AnyCivitasError)).toBe('expired')
  })
})

describe('fixedClock', () => {
  it('behavior: returns the same instant every time', () => {
    const clock = fixedClock('2026-01-01T00:00:00Z')
    expect(clock()).toBe(Date.UTC(2026, 0, 1))
    expect(fixedClock(new Date(5))()).toBe(5)
  })

  it('error: an invalid date is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => fixedClock('not a date')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })
})
