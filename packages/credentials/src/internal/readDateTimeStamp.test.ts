import { describe, expect, it } from 'vitest'
import { readDateTimeStamp } from './readDateTimeStamp.js'

describe('readDateTimeStamp', () => {
  it.each([
    ['2026-11-23T09:00:00Z', Date.UTC(2026, 10, 23, 9)],
    ['2026-11-23T09:00:00.250Z', Date.UTC(2026, 10, 23, 9, 0, 0, 250)],
    ['2026-11-23T18:00:00+09:00', Date.UTC(2026, 10, 23, 9)],
    ['2026-11-23T04:30:00-04:30', Date.UTC(2026, 10, 23, 9)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('behavior: %s is read exactly', (text, expected) => {
    expect(readDateTimeStamp(text)).toBe(expected)
  })

  it('behavior: years below 100 stay where they are (Date.UTC would move them to the 1900s)', () => {
    expect(new Date(readDateTimeStamp('0099-01-01T00:00:00Z') as number).toISOString()).toBe(
      '0099-01-01T00:00:00.000Z',
    )
  })

  it.each([
    '2026-01-01', // date only
    '2026-11-23T09:00:00', // no offset: Date.parse would use the process's time zone
    '2026-02-30T00:00:00Z', // calendar roll-over
    '2025-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T09:60:00Z',
    '2026-11-23T09:00:60Z',
    '2026-11-23T09:00:00+15:00',
    '2026-11-23 09:00:00Z',
    '2026-11-23t09:00:00z',
    'Mon, 23 Nov 2026 09:00:00 GMT',
    '+002026-11-23T09:00:00Z',
    '2026-11-23T09:00:00.Z',
    '',
  ])('error: %j is not a dateTimeStamp', (text) => {
    expect(readDateTimeStamp(text)).toBeUndefined()
  })
})
