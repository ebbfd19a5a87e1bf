import { decode as decodePng } from 'fast-png'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { scanQr } from '../scan/scanQr.js'
import { renderQr } from './renderQr.js'

const TEXT = 'CV1:6BFOXN*TS0BI$ZDFRH0/E6-A:4K0VDUM3N+8ABOH*2T Q6R-E0R1*QL3$8$0D7:E*Q/P8+C'
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJkaWQ6a2V5Ono2TWsifQ.c2lnbmF0dXJl'
const code = (expected: string) => expect.objectContaining({ code: expected })
const modulesOf = (text: string, mode: 'alphanumeric' | 'byte', level: 'L' | 'M' | 'Q' | 'H' = 'M') =>
  QRCode.create([mode === 'byte' ? { data: new TextEncoder().encode(text), mode } : { data: text, mode }], {
    errorCorrectionLevel: level,
  }).modules.size

/** Pixels of terminal output: each character is two modules stacked, a printed half light. */
function terminalPixels(text: string, invert: boolean, scale = 4) {
  const lines = text.replace(/\n$/, '').split('\n')
  const width = [...(lines[0] ?? '')].length * scale
  const height = lines.length * 2 * scale
  const data = new Uint8ClampedArray(width * height * 4).fill(255)
  lines.forEach((line, row) => {
    ;[...line].forEach((char, column) => {
      const halves = [char === '█' || char === '▀', char === '█' || char === '▄']
      halves.forEach((printed, half) => {
        if (printed !== invert) return // dark: a light half unprinted, or an inverted printed half
        for (let y = 0; y < scale; y++) {
          for (let x = 0; x < scale; x++) {
            const offset = (((row * 2 + half) * scale + y) * width + column * scale + x) * 4
            data.fill(0, offset, offset + 3)
          }
        }
      })
    })
  })
  return { data, width, height }
}

describe('renderQr', () => {
  it('behavior: PNG in alphanumeric mode for CV1 text, with a 4-module quiet zone, scans back', async () => {
    const png = renderQr(TEXT, { format: 'png', scale: 3 })
    const image = decodePng(png)
    expect(image.width).toBe((modulesOf(TEXT, 'alphanumeric') + 8) * 3)
    expect(modulesOf(TEXT, 'alphanumeric')).toBeLessThan(modulesOf(TEXT, 'byte'))
    expect(await scanQr(png)).toBe(TEXT)
  })

  it('behavior: the error-correction level sets the version', () => {
    const width = (level: 'L' | 'H') =>
      decodePng(renderQr(TEXT, { format: 'png', errorCorrection: level, scale: 1, margin: 0 })).width
    expect(width('L')).toBe(modulesOf(TEXT, 'alphanumeric', 'L'))
    expect(width('H')).toBe(modulesOf(TEXT, 'alphanumeric', 'H'))
    expect(width('H')).toBeGreaterThan(width('L'))
  })

  // qrcode, an independent encoder that splits text into the cheapest mix of segments, is the yardstick.
  it.each([
    ['CV1 text', TEXT],
    ['a raw token', TOKEN],
    [
      'a sign-in request URL',
      'openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fportal.example%2Fresponse',
    ],
    ['digits', '31415926535897932384626433832795'],
  ])('behavior: %s takes no more modules than a segment-optimizing encoder gives it', (_, text) => {
    for (const level of ['L', 'M', 'Q', 'H'] as const) {
      const width = decodePng(
        renderQr(text, { format: 'png', errorCorrection: level, scale: 1, margin: 0 }),
      ).width
      expect(width).toBeLessThanOrEqual(QRCode.create(text, { errorCorrectionLevel: level }).modules.size)
    }
  })

  it('behavior: text outside the alphanumeric alphabet (a raw token) is rendered and scans back', async () => {
    expect(await scanQr(renderQr(TOKEN, { format: 'png' }))).toBe(TOKEN)
  })

  it('behavior: SVG draws every dark module once, on a white quiet zone', () => {
    const svg = renderQr(TEXT, { format: 'svg', margin: 2 })
    const size = modulesOf(TEXT, 'alphanumeric')
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size + 4} ${size + 4}"`),
    )
    const drawn = [...svg.matchAll(/M\d+ \d+h(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0)
    const pixels = decodePng(renderQr(TEXT, { format: 'png', scale: 1, margin: 0 })).data
    expect(drawn).toBe([...pixels].filter((value) => value === 0).length)
  })

  it.each([false, true])(
    'behavior: terminal half blocks (invert %s) are a QR code that scans back',
    async (invert) => {
      const text = renderQr(TEXT, { format: 'terminal', invert })
      const size = modulesOf(TEXT, 'alphanumeric') + 8
      const lines = text.replace(/\n$/, '').split('\n')
      expect(lines).toHaveLength(Math.ceil(size / 2))
      for (const line of lines) expect(line).toMatch(new RegExp(`^[ ▀▄█]{${size}}$`))
      expect(await scanQr(terminalPixels(text, invert))).toBe(TEXT)
    },
  )

  it('error: text beyond a version-40 code is refused with ERR_QR_TOO_LARGE', () => {
    expect(() => renderQr('A'.repeat(4300), { format: 'svg', errorCorrection: 'L' })).toThrow(
      code('ERR_QR_TOO_LARGE'),
    )
    expect(() => renderQr('a'.repeat(3000), { format: 'png' })).toThrow(code('ERR_QR_TOO_LARGE'))
  })

  it.each([
    ['a non-string text', 42, { format: 'png' }],
    ['an unknown format', TEXT, { format: 'gif' }],
    ['an unknown level', TEXT, { format: 'png', errorCorrection: 'X' }],
    ['a negative margin', TEXT, { format: 'svg', margin: -1 }],
    ['a fractional scale', TEXT, { format: 'png', scale: 1.5 }],
    ['a huge scale', TEXT, { format: 'png', scale: 1000 }],
  ])('error: %s is refused with ERR_INVALID_ARGUMENT', (_, text, options) => {
    expect(() => renderQr(text as string, options as never)).toThrow(code('ERR_INVALID_ARGUMENT'))
  })
})
