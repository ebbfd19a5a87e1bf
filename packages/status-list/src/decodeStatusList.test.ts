import { readFileSync } from 'node:fs'
import { decodeBase64url, encodeBase64url } from '@civitas/core'
import fc from 'fast-check'
import { gzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createStatusList } from './createStatusList.js'
import { decodeStatusList } from './decodeStatusList.js'

interface ListVector {
  id: string
  encodedList?: string
  credential?: { credentialSubject: { encodedList: string } }
  decoded: {
    entries: number
    setIndexes?: number[]
    setIndexesMsbFirst?: number[]
    setIndexesIfReadLsbFirst?: number[]
  }
}
const vectors = JSON.parse(
  readFileSync(
    new URL('../../../test/vectors/status-list/w3c-bitstring-status-list.json', import.meta.url),
    'utf8',
  ),
) as { statusListCredentials: ListVector[] }
const encodedOf = (v: ListVector) => v.encodedList ?? v.credential?.credentialSubject.encodedList ?? ''
const gz = (bytes: Uint8Array) => `u${encodeBase64url(gzipSync(bytes))}`

describe('decodeStatusList', () => {
  // ../shared/vectors/status-list/w3c-bitstring-status-list.json: every list decodes to its recorded set bits (MSB-first)
  for (const vector of vectors.statusListCredentials) {
    it(`vector: ${vector.id} decodes to the recorded set indexes`, () => {
      const list = decodeStatusList(encodedOf(vector), { minimumLength: 8 })
      expect(list.length).toBe(vector.decoded.entries)
      const expected = vector.decoded.setIndexes ?? vector.decoded.setIndexesMsbFirst ?? []
      const bytes = list.toBytes()
      const set: number[] = []
      bytes.forEach((byte, i) => {
        for (let b = 0; b < 8 && byte !== 0; b++) if (list.get(i * 8 + b) === 1) set.push(i * 8 + b)
      })
      expect(set).toEqual(expected)
    })
  }

  // ../shared/vectors/status-list/w3c-bitstring-status-list.json: lists under 131,072 entries are refused by default
  for (const vector of vectors.statusListCredentials.filter((v) => v.decoded.entries < 131_072)) {
    it(`vector: ${vector.id} is refused with ERR_STATUS_LIST_INVALID (shorter than 131,072)`, () => {
      expect(() => decodeStatusList(encodedOf(vector))).toThrow(
        expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
      )
    })
  }

  it('vector: the bit-order trap reads index 50007 set and 50000 clear', () => {
    // ../shared/vectors/status-list/w3c-bitstring-status-list.json (digitalbazaar-mock-100k-bit-order-trap)
    const trap = vectors.statusListCredentials.find((v) => v.id === 'digitalbazaar-mock-100k-bit-order-trap')
    if (trap === undefined) throw new Error('vector missing')
    const list = decodeStatusList(encodedOf(trap), { minimumLength: 8 })
    expect(list.get(50007)).toBe(1)
    expect(list.get(50000)).toBe(0)
  })

  it('vector: spec example index 94567 is 0 (valid)', () => {
    // ../shared/vectors/status-list/w3c-bitstring-status-list.json (spec-example-bitstring-status-list-credential)
    const spec = vectors.statusListCredentials[0]
    if (spec === undefined) throw new Error('vector missing')
    expect(decodeStatusList(encodedOf(spec)).get(94567)).toBe(0)
  })

  it('behavior: index 0 is the most significant bit of byte 0', () => {
    const bytes = new Uint8Array(16384)
    bytes[0] = 0x80
    const list = decodeStatusList(gz(bytes))
    expect(list.get(0)).toBe(1)
    expect(list.get(7)).toBe(0)
  })

  it('behavior: multi-bit entries are read MSB-first with statusSize', () => {
    const bytes = new Uint8Array(16384 * 2)
    bytes[0] = 0b10_01_00_11
    const list = decodeStatusList(gz(bytes), { statusSize: 2 })
    expect([list.get(0), list.get(1), list.get(2), list.get(3)]).toEqual([2, 1, 0, 3])
  })

  it('error: index outside the list is refused with ERR_STATUS_INDEX_OUT_OF_RANGE', () => {
    const list = decodeStatusList(gz(new Uint8Array(16384)))
    for (const index of [131072, -1, 1.5, Number.NaN]) {
      expect(() => list.get(index)).toThrow(
        expect.objectContaining({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }),
      )
    }
  })

  const hostile: [string, unknown][] = [
    ['missing u prefix', 'H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA'],
    ['not a string', 42],
    ['empty', ''],
    ['bad base64url', 'u!!!!'],
    ['padded base64', `${gz(new Uint8Array(16384))}==`],
    ['not gzip', `u${encodeBase64url(new Uint8Array(64).fill(7))}`],
    ['truncated gzip', gz(new Uint8Array(16384)).slice(0, 20)],
    ['empty gzip body', gz(new Uint8Array(0))],
  ]
  for (const [name, input] of hostile) {
    it(`error: ${name} is refused with ERR_STATUS_LIST_INVALID`, () => {
      expect(() => decodeStatusList(input as string)).toThrow(
        expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
      )
    })
  }

  it('error: a gzip bomb past the 16 MB cap is refused with ERR_STATUS_LIST_INVALID', () => {
    const bomb = gz(new Uint8Array(64 * 1024 * 1024))
    expect(() => decodeStatusList(bomb)).toThrow(expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }))
  })

  it('error: a list past the compression-ratio cap is refused with ERR_STATUS_LIST_INVALID', () => {
    const dense = gz(new Uint8Array(4 * 1024 * 1024))
    expect(() => decodeStatusList(dense, { maxRatio: 100 })).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
    )
    expect(decodeStatusList(dense).length).toBe(32 * 1024 * 1024)
  })

  it('error: statusSize other than 1, 2, 4, 8 is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => decodeStatusList(gz(new Uint8Array(16384)), { statusSize: 3 as 1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('error: caps that are not positive are refused with ERR_INVALID_ARGUMENT', () => {
    for (const options of [{ maxInflatedBytes: 0 }, { maxRatio: -1 }, { maxInflatedBytes: Number.NaN }]) {
      expect(() => decodeStatusList(gz(new Uint8Array(16384)), options)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('property: any single-byte tamper is refused or decodes to the very same bits', async () => {
    const list = createStatusList()
    for (const index of [3, 999, 65_536, 131_000]) list.set(index, 1)
    const compressed = decodeBase64url((await list.encode()).slice(1))
    const original = list.toBytes()
    fc.assert(
      fc.property(fc.nat({ max: compressed.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const tampered = compressed.slice()
        tampered[at] = (tampered[at] as number) ^ xor
        let decoded: Uint8Array
        try {
          decoded = decodeStatusList(`u${encodeBase64url(tampered)}`).toBytes()
        } catch (err) {
          expect(err).toMatchObject({ code: 'ERR_STATUS_LIST_INVALID' })
          return
        }
        expect(decoded).toEqual(original)
      }),
      { numRuns: 300 },
    )
  })

  it('error: trailing bytes after the GZIP member are refused with ERR_STATUS_LIST_INVALID', () => {
    const bytes = gzipSync(new Uint8Array(16384))
    const longer = new Uint8Array(bytes.length + 4)
    longer.set(bytes)
    expect(() => decodeStatusList(`u${encodeBase64url(longer)}`)).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' }),
    )
  })

  it('behavior: created lists round-trip', async () => {
    const list = createStatusList()
    list.set(94567, 1)
    expect(decodeStatusList(await list.encode()).get(94567)).toBe(1)
  })
})
