import { readFileSync } from 'node:fs'
import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import fc from 'fast-check'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { vectorPath } from '../../../test/support/vectors.js'
import { decodeQr } from './decodeQr.js'
import { encodeQr } from './encodeQr.js'

const b64json = (value: unknown) => encodeBase64url(encodeUtf8(JSON.stringify(value)))
const jws = (header: unknown, payload: unknown, signature = new Uint8Array(64).fill(7)) =>
  `${b64json(header)}.${b64json(payload)}.${encodeBase64url(signature)}`

const segment = fc.oneof(
  fc.json({ maxDepth: 3 }).map((json) => encodeBase64url(encodeUtf8(json))),
  fc.uint8Array({ maxLength: 80 }).map(encodeBase64url),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,24}$/),
)
const compactJws = fc.tuple(segment, segment, segment).map((parts) => parts.join('.'))
const sdJwt = fc
  .tuple(compactJws, fc.array(segment, { maxLength: 4 }), fc.option(compactJws, { nil: '' }))
  .map(([issuerJwt, disclosures, keyBinding]) => [issuerJwt, ...disclosures, keyBinding].join('~'))
const presentation = fc
  .tuple(
    fc.array(fc.oneof(compactJws, sdJwt), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.json({ maxDepth: 1 }),
  )
  .map(([credentials, enveloped, extra]) => {
    const verifiableCredential = enveloped
      ? credentials.map((token) => ({
          id: `data:application/vc+jwt,${token}`,
          type: 'EnvelopedVerifiableCredential',
        }))
      : credentials
    return jws({ alg: 'EdDSA', typ: 'vp+jwt' }, { vp: { verifiableCredential }, extra: JSON.parse(extra) })
  })
const anyToken = fc.oneof(compactJws, sdJwt, presentation).filter((token) => token.length > 0)

describe('encodeQr', () => {
  it('property: decodeQr(encodeQr(token)) is the token, byte for byte', () => {
    fc.assert(
      fc.property(anyToken, (token) => {
        const text = encodeQr(token, { errorCorrection: 'L' })
        expect(text).toMatch(/^CV1:[0-9A-Z $%*+\-./:]*$/)
        expect(decodeQr(text)).toBe(token)
      }),
      { numRuns: 200 },
    )
  })

  it('behavior: segments that are not canonical base64url are kept verbatim', () => {
    const header = b64json({ alg: 'EdDSA' })
    // 'eyJ9' decodes to '{"}' ... and 'eyJhIjoxfR' has non-zero trailing bits (canonical is 'eyJhIjoxfQ').
    for (const token of [
      `${header}.eyJhIjoxfR.AAAB`,
      `${header}.eyJhIjoxfQ.AAAC`,
      `${header}.e30=.x`,
      `${header}..`,
      `${header}.${b64json([1])}.~~`,
      '.~.',
    ]) {
      const safe = token.replace('=', '')
      expect(decodeQr(encodeQr(safe))).toBe(safe)
    }
  })

  it('behavior: JSON with control characters escaped, Unicode and whitespace round-trips exactly', () => {
    const payload = encodeBase64url(encodeUtf8('{ "name" : "Jüri \\u0001 Õun 🏙",\n\t"n": [1, 2.50] }'))
    const token = `${b64json({ alg: 'ES256' })}.${payload}.${encodeBase64url(new Uint8Array([0, 1, 2]))}`
    expect(decodeQr(encodeQr(token))).toBe(token)
  })

  it('behavior: decoded bytes that start like JSON but hold marker bytes are stored raw', () => {
    const token = `${encodeBase64url(new Uint8Array([0x7b, 0x01, 0x00, 0x7d]))}.${b64json({})}.AA`
    expect(decodeQr(encodeQr(token))).toBe(token)
  })

  it('behavior: tokens nested five deep round-trip (the fifth is kept as JSON text)', () => {
    let token = jws({ alg: 'EdDSA' }, { sub: 'x' })
    for (let depth = 0; depth < 5; depth++)
      token = jws({ alg: 'EdDSA' }, { vp: { verifiableCredential: [token] } })
    expect(decodeQr(encodeQr(token, { errorCorrection: 'L' }))).toBe(token)
  })

  // SMART Health Cards example 00 (test/vectors/health-qr/smart-health-cards, see SOURCE.md): a JWS whose
  // payload is raw DEFLATE. Its shc:/ numeric QR spends 6.67 bits per token character; CV1 stores the
  // compressed payload and the signature as bytes.
  it('vectors: a SMART Health Card JWS round-trips and needs no more modules than its shc:/ numeric code', () => {
    const token = readFileSync(vectorPath('health-qr/smart-health-cards/example-00-d-jws.txt'), 'utf8').trim()
    const numeric = readFileSync(
      vectorPath('health-qr/smart-health-cards/example-00-f-qr-code-numeric-value-0.txt'),
      'utf8',
    ).trim()
    const text = encodeQr(token)
    expect(decodeQr(text)).toBe(token)
    const version = (segments: QRCode.QRCodeSegment[]) =>
      QRCode.create(segments, { errorCorrectionLevel: 'L' }).version
    expect(version([{ data: text, mode: 'alphanumeric' }])).toBeLessThanOrEqual(
      version([
        { data: encodeUtf8('shc:/'), mode: 'byte' },
        { data: numeric.slice(5), mode: 'numeric' },
      ]),
    )
  })

  it('error: a token beyond a version-40 code is refused with ERR_QR_TOO_LARGE naming size and limit', () => {
    const big = jws({ alg: 'EdDSA' }, { blob: encodeBase64url(crypto.getRandomValues(new Uint8Array(2400))) })
    expect(encodeQr(big, { errorCorrection: 'L' })).toMatch(/^CV1:/)
    let error: unknown
    try {
      encodeQr(big, { errorCorrection: 'H' })
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({
      code: 'ERR_QR_TOO_LARGE',
      details: { what: 'QR text', limit: 1852, errorCorrection: 'H' },
    })
    expect((error as Error).message).toMatch(/exceeds the limit of 1852 .* version-40/)
  })

  it('error: a token inflating past 64 KiB or longer than 256 KiB is refused with ERR_QR_TOO_LARGE', () => {
    const repetitive = jws({ alg: 'EdDSA' }, { text: 'a'.repeat(70_000) })
    expect(() => encodeQr(repetitive, { errorCorrection: 'L' })).toThrow(
      expect.objectContaining({
        code: 'ERR_QR_TOO_LARGE',
        details: expect.objectContaining({ limit: 65536 }),
      }),
    )
    expect(() => encodeQr('A'.repeat(300_000))).toThrow(expect.objectContaining({ code: 'ERR_QR_TOO_LARGE' }))
  })

  it.each([
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['text with spaces', 'eyJ9 .x.y'],
    ['QR text', 'CV1:ABC'],
  ])('error: %s is refused with ERR_INVALID_ARGUMENT', (_, token) => {
    expect(() => encodeQr(token as string)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })

  it('error: an unknown error-correction level is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => encodeQr('a.b.c', { errorCorrection: 'X' as 'L' })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
