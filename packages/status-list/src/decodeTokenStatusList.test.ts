import { readFileSync } from 'node:fs'
import { decodeBase64url, encodeBase64url } from '@civitas/core'
import fc from 'fast-check'
import { deflateSync, gzipSync, zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createTokenStatusList } from './createTokenStatusList.js'
import { decodeTokenStatusList } from './decodeTokenStatusList.js'
import type { StatusSize } from './types.js'

interface TokenListVector {
  id: string
  statusList?: { bits: StatusSize; lst: string }
  uncompressedBytesHex?: string
  uncompressedLengthBytes?: number
  listSizeEntries?: number
  expectedStatuses?: Record<string, number>
}
const vectors = JSON.parse(
  readFileSync(
    new URL('../../../test/vectors/status-list/ietf-token-status-list.json', import.meta.url),
    'utf8',
  ),
) as { cases: TokenListVector[] }
const lists = vectors.cases.filter((v) => v.statusList !== undefined)
const zlib = (bytes: Uint8Array) => encodeBase64url(zlibSync(bytes))
const refused = expect.objectContaining({ code: 'ERR_STATUS_LIST_INVALID' })

describe('decodeTokenStatusList', () => {
  // ../shared/vectors/status-list/ietf-token-status-list.json (draft-ietf-oauth-status-list §4.1 and the
  // appendix "Test vectors for Status List encoding"): each list decodes to exactly its expected statuses
  for (const vector of lists) {
    it(`vectors: ${vector.id} decodes to the expected statuses (LSB first, every other entry 0)`, () => {
      const statusList = vector.statusList as { bits: StatusSize; lst: string }
      const list = decodeTokenStatusList(statusList)
      const expected = new Map(Object.entries(vector.expectedStatuses ?? {}).map(([i, v]) => [Number(i), v]))
      expect(list.bits).toBe(statusList.bits)
      if (vector.uncompressedLengthBytes !== undefined) {
        expect(list.toBytes().length).toBe(vector.uncompressedLengthBytes)
      }
      if (vector.listSizeEntries !== undefined) expect(list.length).toBe(vector.listSizeEntries)
      if (vector.uncompressedBytesHex !== undefined) {
        expect(Buffer.from(list.toBytes()).toString('hex')).toBe(vector.uncompressedBytesHex)
      }
      for (let index = 0; index < list.length; index++) {
        const value = list.get(index)
        if (value !== (expected.get(index) ?? 0))
          expect({ index, value }).toEqual({ index, value: expected.get(index) ?? 0 })
      }
    })
  }

  it('vectors: re-encoding a vector list decodes to the same bytes (1-bit 16 entries from §4.1)', () => {
    // ../shared/vectors/status-list/ietf-token-status-list.json (tsl-1bit-16-entries)
    const list = createTokenStatusList({ length: 16, bits: 1 })
    for (const index of [0, 3, 4, 5, 7, 8, 9, 13, 15]) list.set(index, 1)
    expect(Buffer.from(list.toBytes()).toString('hex')).toBe('b9a3')
    expect(decodeTokenStatusList(list.encode()).toBytes()).toEqual(list.toBytes())
  })

  for (const bits of [1, 2, 4, 8] as const) {
    it(`property: encode → decode keeps every entry (${bits} bits per entry)`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 512 }),
          fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 64 }),
          (bytes, writes) => {
            const length = (bytes * 8) / bits
            const list = createTokenStatusList({ length, bits })
            const expected = new Map<number, number>()
            for (const [i, v] of writes) {
              const index = i % length
              const value = v % 2 ** bits
              list.set(index, value)
              expected.set(index, value)
            }
            const decoded = decodeTokenStatusList(list.encode())
            expect(decoded.length).toBe(length)
            expect(decoded.bits).toBe(bits)
            for (let index = 0; index < length; index++) {
              expect(decoded.get(index)).toBe(expected.get(index) ?? 0)
            }
          },
        ),
        { numRuns: 60 },
      )
    })
  }

  it('property: any single-byte change of the compressed list is refused or changes no entry silently', () => {
    const list = createTokenStatusList({ length: 4096, bits: 2 })
    list.set(17, 2)
    list.set(4000, 1)
    const compressed = decodeBase64url(list.encode().lst)
    fc.assert(
      fc.property(fc.nat({ max: compressed.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const tampered = compressed.slice()
        tampered[at] = (tampered[at] as number) ^ flip
        // zlib's Adler-32 covers the inflated bytes: a change that alters an entry is caught; some
        // bits (block padding, the header's compression level) change no entry at all.
        let decoded: Uint8Array | undefined
        try {
          decoded = decodeTokenStatusList({ bits: 2, lst: encodeBase64url(tampered) }).toBytes()
        } catch (error) {
          expect(error).toEqual(refused)
        }
        if (decoded !== undefined) expect(decoded).toEqual(list.toBytes())
      }),
      { numRuns: 200 },
    )
  })

  it('behavior: entry 0 is the least significant bit of byte 0 (the opposite of the W3C order)', () => {
    const list = decodeTokenStatusList({ bits: 1, lst: zlib(Uint8Array.of(0b0000_0001)) })
    expect([list.get(0), list.get(7)]).toEqual([1, 0])
    const two = decodeTokenStatusList({ bits: 2, lst: zlib(Uint8Array.of(0b1000_0010)) })
    expect([two.get(0), two.get(1), two.get(2), two.get(3)]).toEqual([2, 0, 0, 2])
  })

  const hostile: [string, unknown][] = [
    ['not an object', 'eNrbuRgAAhcBXQ'],
    ['an array', [1, 'eNrbuRgAAhcBXQ']],
    ['bits 3', { bits: 3, lst: 'eNrbuRgAAhcBXQ' }],
    ['bits 0', { bits: 0, lst: 'eNrbuRgAAhcBXQ' }],
    ['bits "1"', { bits: '1', lst: 'eNrbuRgAAhcBXQ' }],
    ['lst missing', { bits: 1 }],
    ['lst empty', { bits: 1, lst: '' }],
    ['lst with padding', { bits: 1, lst: 'eNrbuRgAAhcBXQ==' }],
    ['lst in standard base64', { bits: 1, lst: 'eNrbuRgAAhcBXQ+/' }],
    ['GZIP instead of zlib', { bits: 1, lst: encodeBase64url(gzipSync(Uint8Array.of(0xb9, 0xa3))) }],
    [
      'raw DEFLATE instead of zlib',
      { bits: 1, lst: encodeBase64url(deflateSync(Uint8Array.of(0xb9, 0xa3))) },
    ],
    ['truncated zlib', { bits: 1, lst: encodeBase64url(zlibSync(new Uint8Array(64)).slice(0, -6)) }],
    [
      'zlib without its Adler-32',
      { bits: 1, lst: encodeBase64url(zlibSync(Uint8Array.of(0xb9, 0xa3)).slice(0, -4)) },
    ],
    ['an empty list', { bits: 1, lst: zlib(new Uint8Array(0)) }],
    ['not compressed at all', { bits: 1, lst: encodeBase64url(Uint8Array.of(0xb9, 0xa3, 0, 0, 0, 0, 0, 0)) }],
  ]
  for (const [name, input] of hostile) {
    it(`error: ${name} is refused with ERR_STATUS_LIST_INVALID`, () => {
      expect(() => decodeTokenStatusList(input)).toThrow(refused)
    })
  }

  it('error: a zlib bomb (64 MB of zeros) is refused with ERR_STATUS_LIST_INVALID before it is inflated', () => {
    const bomb = zlib(new Uint8Array(64 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(100_000)
    expect(() => decodeTokenStatusList({ bits: 1, lst: bomb })).toThrow(refused)
    // The cap is the caller's to lower too.
    expect(() =>
      decodeTokenStatusList({ bits: 1, lst: zlib(new Uint8Array(4096)) }, { maxInflatedBytes: 1024 }),
    ).toThrow(refused)
  })

  it('error: caps that are not positive are refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => decodeTokenStatusList({ bits: 1, lst: 'eNrbuRgAAhcBXQ' }, { maxRatio: 0 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
