import { createHash } from 'node:crypto'
import { CivitasError, encodeBase64url, encodeUtf8 } from '@civitas/core'
import fc from 'fast-check'
import { Deflate, deflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readVector } from '../../../test/support/vectors.js'
import { decodeQr } from './decodeQr.js'
import { encodeQr } from './encodeQr.js'
import { encodeBase45 } from './internal/base45.js'
import { DICTIONARY_V1 } from './internal/dictionary.js'

const b64json = (value: unknown) => encodeBase64url(encodeUtf8(JSON.stringify(value)))
const credential = `${b64json({ alg: 'EdDSA', typ: 'vc+jwt' })}.${b64json({ iss: 'did:key:z6Mk', sub: 'x' })}.${encodeBase64url(new Uint8Array(64).fill(9))}`
const presentation = `${b64json({ alg: 'ES256', typ: 'vp+jwt' })}.${b64json({ verifiableCredential: [credential] })}.${encodeBase64url(new Uint8Array(64).fill(3))}`

/** QR text around a hand-made payload: raw section, then the structure deflated with the dictionary. */
function qrText(structure: number[] | Uint8Array, raw: number[] = []): string {
  const payload = [
    raw.length,
    ...raw,
    ...deflateSync(Uint8Array.from(structure), { dictionary: DICTIONARY_V1 }),
  ]
  return `CV1:${encodeBase45(Uint8Array.from(payload))}`
}

const code = (expected: string) => expect.objectContaining({ code: expected })

describe('decodeQr', () => {
  it('behavior: raw tokens (compact JWS, SD-JWT with and without key binding) pass through unchanged', () => {
    for (const token of [
      credential,
      presentation,
      `${credential}~WyJzIiwibiIsInYiXQ~`,
      `${credential}~d~${credential}`,
    ]) {
      expect(decodeQr(token)).toBe(token)
    }
  })

  it('behavior: the version-1 dictionary is frozen (changing it needs a new codec version)', () => {
    expect(createHash('sha256').update(DICTIONARY_V1).digest('hex')).toBe(
      'b831c6c0b515d73f5ec674e0c86e67a8b7363804b8201d868bcc770d9f6745d6',
    )
  })

  it('property: mutated or random QR text yields a token or a CivitasError with a QR code, nothing else', () => {
    const valid = encodeQr(presentation)
    const alphabet = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:')
    const mutated = fc
      .tuple(
        fc.nat(valid.length - 1),
        fc.nat(valid.length),
        alphabet,
        fc.constantFrom('set', 'cut', 'insert'),
      )
      .map(([at, end, char, how]) =>
        how === 'set'
          ? valid.slice(0, at) + char + valid.slice(at + 1)
          : how === 'cut'
            ? valid.slice(0, Math.max(at, 4)) + valid.slice(Math.max(end, at))
            : valid.slice(0, at) + char + valid.slice(at),
      )
    const random = fc.array(alphabet, { maxLength: 400 }).map((chars) => `CV1:${chars.join('')}`)
    const anything = fc.string({ maxLength: 200 })
    const payloads = fc.uint8Array({ maxLength: 300 }).map((bytes) => `CV1:${encodeBase45(bytes)}`)
    fc.assert(
      fc.property(fc.oneof(mutated, random, anything, payloads), (text) => {
        try {
          expect(typeof decodeQr(text)).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(CivitasError)
          expect((error as CivitasError).code).toMatch(/^ERR_QR_(PREFIX|INVALID|TOO_LARGE|INFLATE_LIMIT)$/)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it.each([
    ['an EU DCC code', readVector<{ PREFIX: string }>('health-qr/eu-dcc/DE-2DCode-raw/1.json').PREFIX],
    [
      'a SMART Health Card code',
      'shc:/56762909524320603460292437404460312229595326546034602925407728043360287028647167452228092861333145643765314159064022030645045908564355034142454136403706366541713724123638030437562204673740753232392543344332605736010645293353127074232843503861380362123036402954597209',
    ],
    ['another codec version', 'CV2:ABCDEF'],
    ['an empty string', ''],
    ['plain words', 'hello world'],
    ['a token with a space', `${credential} `],
    ['a token with two parts', 'eyJhIjoxfQ.eyJhIjoxfQ'],
    ['a lowercase prefix', `cv1:${encodeQr(credential).slice(4)}`],
  ])('error: %s is refused with ERR_QR_PREFIX', (_, text) => {
    expect(() => decodeQr(text)).toThrow(code('ERR_QR_PREFIX'))
  })

  it('error: a non-string is refused with ERR_INVALID_ARGUMENT', () => {
    for (const value of [undefined, null, 42, new Uint8Array(3), { text: 'CV1:' }]) {
      expect(() => decodeQr(value as unknown as string)).toThrow(code('ERR_INVALID_ARGUMENT'))
    }
  })

  it('error: oversized QR text or raw tokens are refused with ERR_QR_TOO_LARGE', () => {
    expect(() => decodeQr(`CV1:${'0'.repeat(8200)}`)).toThrow(code('ERR_QR_TOO_LARGE'))
    expect(() => decodeQr(`${credential}~${'A'.repeat(300_000)}`)).toThrow(code('ERR_QR_TOO_LARGE'))
  })

  it('error: truncated QR text is refused with ERR_QR_INVALID', () => {
    const text = encodeQr(presentation)
    for (const cut of [1, 2, 3, 30, text.length - 5]) {
      expect(() => decodeQr(text.slice(0, text.length - cut))).toThrow(code('ERR_QR_INVALID'))
    }
  })

  it('error: a compression bomb is refused with ERR_QR_INFLATE_LIMIT, before inflating past the cap', () => {
    // 4 MiB of '{' compress to about 4 KB: inflating it all would be 64 times the cap.
    const bomb = qrText(new Uint8Array(4 << 20).fill(0x7b))
    expect(bomb.length).toBeLessThan(8192)
    expect(() => decodeQr(bomb)).toThrow(code('ERR_QR_INFLATE_LIMIT'))
    // The same bomb with garbage after its first MiB: only a decoder that inflated everything before
    // checking the size would reach the garbage and report ERR_QR_INVALID instead.
    const parts: Uint8Array[] = []
    const stream = new Deflate({ level: 9 }, (chunk) => parts.push(chunk))
    stream.push(new Uint8Array(1 << 20).fill(0x7b))
    stream.flush()
    const garbled = Uint8Array.from([0, ...parts.flatMap((part) => [...part]), 0xff, 0xff, 0xff, 0xff])
    expect(() => decodeQr(`CV1:${encodeBase45(garbled)}`)).toThrow(code('ERR_QR_INFLATE_LIMIT'))
  })

  it.each([
    ['bytes left in the structure', [0x04, 0x00, 0x04], []],
    ['bytes left in the raw section', [0x04, 0x00], [1, 2]],
    ['a raw segment longer than the raw section', [0x02, 0x05, 0x00], [1, 2]],
    ['an empty raw segment', [0x02, 0x00, 0x00], []],
    ['an unknown item tag', [0x09, 0x00], []],
    ['a structure without its end', [0x04, 0x04], []],
    ['an empty token', [0x00], []],
    ['a verbatim segment that is not base64url', [0x03, 0x02, 0x3d, 0x3d, 0x00], []],
    ['an empty verbatim segment', [0x03, 0x00, 0x00], []],
    ['a length varint that never ends', [0x03, 0xff, 0xff, 0xff, 0xff], []],
    ['a length varint with a redundant zero byte', [0x03, 0x81, 0x00, 0x41, 0x00], []],
    ['a marker byte inside JSON text', [0x01, 0x7b, 0x05, 0x7d, 0x00, 0x00], []],
    ['a JSON segment that does not open an object or array', [0x01, 0x41, 0x00, 0x00], []],
    ['an unterminated JSON segment', [0x01, 0x7b, 0x7d], []],
  ])('error: %s is refused with ERR_QR_INVALID', (_, structure, raw) => {
    expect(() => decodeQr(qrText(structure, raw))).toThrow(code('ERR_QR_INVALID'))
  })

  it('error: tokens nested deeper than 4 are refused with ERR_QR_INVALID', () => {
    const open = (depth: number): number[] =>
      depth === 0 ? [0x04, 0x00] : [0x01, 0x7b, 0x01, ...open(depth - 1), 0x7d, 0x00, 0x00]
    expect(decodeQr(qrText(open(4)))).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(() => decodeQr(qrText(open(5)))).toThrow(code('ERR_QR_INVALID'))
  })

  it('error: DEFLATE data that is not DEFLATE is refused with ERR_QR_INVALID', () => {
    expect(() => decodeQr(`CV1:${encodeBase45(Uint8Array.from([0, 0xff, 0xff, 0xff]))}`)).toThrow(
      code('ERR_QR_INVALID'),
    )
    expect(() => decodeQr('CV1:')).toThrow(code('ERR_QR_INVALID'))
  })
})
