import { encode as encodePng } from 'fast-png'
import { zlibSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { jpeg, pad, pngPixels, rotate, scale } from '../../../../test/support/qrImages.js'
import { readVector } from '../../../../test/support/vectors.js'
import { renderQr } from '../render/renderQr.js'
import { scanQr } from './scanQr.js'

const TEXT = 'CV1:6BFOXN*TS0BI$ZDFRH0/E6-A:4K0VDUM3N+8ABOH*2T Q6R-E0R1*QL3$8$0D7:E*Q/P8+C'
const png = renderQr(TEXT, { format: 'png', scale: 4 })
const pixels = pngPixels(png)
const code = (expected: string) => expect.objectContaining({ code: expected })

/** A PNG file made of the signature and the given chunks (CRCs are not checked by the reader). */
function pngFile(...chunks: [string, Uint8Array][]): Uint8Array {
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]
  for (const [type, data] of chunks) {
    const chunk = new Uint8Array(12 + data.length)
    new DataView(chunk.buffer).setUint32(0, data.length)
    chunk.set(
      [...type].map((char) => char.charCodeAt(0)),
      4,
    )
    chunk.set(data, 8)
    parts.push(chunk)
  }
  return Uint8Array.from(parts.flatMap((part) => [...part]))
}

function ihdr(width: number, height: number, depth = 8, colorType = 0): [string, Uint8Array] {
  const data = new Uint8Array(13)
  const view = new DataView(data.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  data.set([depth, colorType, 0, 0, 0], 8)
  return ['IHDR', data]
}

describe('scanQr', () => {
  it('behavior: the reader loads its WebAssembly from the installed package, with the network disabled', async () => {
    vi.resetModules()
    const fetched: string[] = []
    vi.stubGlobal('fetch', (url: unknown) => {
      fetched.push(String(url))
      throw new TypeError('network disabled in this test')
    })
    try {
      const fresh = (await import('./scanQr.js')) as typeof import('./scanQr.js')
      await expect(fresh.scanQr(png)).resolves.toBe(TEXT)
      expect(fetched).toEqual([])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('behavior: reads a rendered PNG, and the same pixels given directly', async () => {
    expect(await scanQr(png)).toBe(TEXT)
    expect(await scanQr(pixels)).toBe(TEXT)
    expect(await scanQr({ ...pixels, data: new Uint8Array(pixels.data) })).toBe(TEXT)
  })

  it.each([
    ['scaled down to 0.6', () => scale(pixels, 0.6)],
    ['scaled up by 1.7', () => scale(pixels, 1.7)],
    ['rotated by 4 degrees', () => rotate(pixels, 4)],
    ['rotated by -7 degrees', () => rotate(pixels, -7)],
    ['off-centre in a wide coloured margin', () => pad(pixels, 150, [190, 210, 235])],
    ['all of these at once', () => pad(rotate(scale(pixels, 0.8), 3), 80, [225, 225, 225])],
  ])('behavior: reads a code %s', async (_, degrade) => {
    expect(await scanQr(degrade())).toBe(TEXT)
  })

  it.each([75, 40, 20])('behavior: reads a JPEG at quality %i', async (quality) => {
    expect(await scanQr(jpeg(rotate(pixels, 2), quality))).toBe(TEXT)
  })

  it('behavior: reads an inverted code (light on dark, as a dark terminal shows it)', async () => {
    const inverted = new Uint8ClampedArray(
      pixels.data.map((value, index) => (index % 4 === 3 ? 255 : 255 - value)),
    )
    expect(await scanQr({ ...pixels, data: inverted })).toBe(TEXT)
  })

  it('behavior: reads PNGs in other colour types and depths (grey+alpha on transparency, RGB 16-bit)', async () => {
    const { width, height } = pixels
    const grayAlpha = new Uint8Array(width * height * 2)
    const rgb16 = new Uint16Array(width * height * 3)
    for (let pixel = 0; pixel < width * height; pixel++) {
      const dark = (pixels.data[pixel * 4] as number) < 128
      grayAlpha.set(dark ? [0, 255] : [0, 0], pixel * 2) // light modules are transparent
      rgb16.fill(dark ? 0 : 65535, pixel * 3, pixel * 3 + 3)
    }
    expect(await scanQr(encodePng({ width, height, data: grayAlpha, channels: 2, depth: 8 }))).toBe(TEXT)
    expect(await scanQr(encodePng({ width, height, data: rgb16, channels: 3, depth: 16 }))).toBe(TEXT)
  })

  // EU DCC test data (test/vectors/health-qr/eu-dcc, see SOURCE.md): 2DCODE is a PNG of the QR code whose
  // content is PREFIX; Q1's picture must not decode.
  it.each(['DE-2DCode-raw/1.json', 'DE-2DCode-raw/2.json', 'common-2DCode-raw/CO28.json'])(
    'vectors: EU DCC %s picture reads as its HC1: text',
    async (file) => {
      const vector = readVector<{ '2DCODE': string; PREFIX: string }>(`health-qr/eu-dcc/${file}`)
      expect(await scanQr(Buffer.from(vector['2DCODE'], 'base64'))).toBe(vector.PREFIX)
    },
  )

  it('vectors: EU DCC Q1 (a picture that cannot be read) is refused with ERR_IMAGE_INVALID', async () => {
    const vector = readVector<{ '2DCODE': string }>('health-qr/eu-dcc/common-2DCode-raw/Q1.json')
    await expect(scanQr(Buffer.from(vector['2DCODE'], 'base64'))).rejects.toThrow(code('ERR_IMAGE_INVALID'))
  })

  it('error: a 50-megapixel PNG header is refused with ERR_IMAGE_TOO_LARGE before decoding', async () => {
    // The header claims 10,000 × 5,000 pixels; the image data is a few bytes.
    const huge = pngFile(
      ihdr(10_000, 5_000),
      ['IDAT', zlibSync(new Uint8Array(10))],
      ['IEND', new Uint8Array(0)],
    )
    await expect(scanQr(huge)).rejects.toThrow(code('ERR_IMAGE_TOO_LARGE'))
    await expect(scanQr(png, { maxPixels: 1000 })).rejects.toThrow(code('ERR_IMAGE_TOO_LARGE'))
  })

  it('error: a 56-megapixel JPEG header is refused with ERR_IMAGE_TOO_LARGE', async () => {
    const header = jpeg(pixels, 50)
    const sof = header.findIndex((byte, index) => byte === 0xff && header[index + 1] === 0xc0)
    header.set([0x1f, 0x40, 0x1b, 0x58], sof + 5) // 8000 × 7000
    await expect(scanQr(header)).rejects.toThrow(code('ERR_IMAGE_TOO_LARGE'))
  })

  it('error: encoded images longer than maxBytes are refused with ERR_IMAGE_TOO_LARGE', async () => {
    await expect(scanQr(png, { maxBytes: 100 })).rejects.toThrow(code('ERR_IMAGE_TOO_LARGE'))
  })

  it('error: a PNG whose image data inflates past its header size (a bomb) is refused with ERR_IMAGE_INVALID', async () => {
    const bomb = pngFile(
      ihdr(100, 100),
      ['IDAT', zlibSync(new Uint8Array(8 << 20))],
      ['IEND', new Uint8Array(0)],
    )
    await expect(scanQr(bomb)).rejects.toThrow(code('ERR_IMAGE_INVALID'))
  })

  it.each([
    ['text', () => new TextEncoder().encode('CV1:NOT AN IMAGE')],
    ['empty bytes', () => new Uint8Array(0)],
    ['a GIF', () => new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000')],
    ['a truncated PNG', () => png.subarray(0, png.length - 30)],
    ['a PNG cut inside its header', () => png.subarray(0, 20)],
    [
      'a PNG with short image data',
      () => pngFile(ihdr(10, 10), ['IDAT', zlibSync(new Uint8Array(5))], ['IEND', new Uint8Array(0)]),
    ],
    [
      'a PNG with corrupt image data',
      () => pngFile(ihdr(10, 10), ['IDAT', new Uint8Array([1, 2, 3])], ['IEND', new Uint8Array(0)]),
    ],
    ['a PNG of zero width', () => pngFile(ihdr(0, 10), ['IEND', new Uint8Array(0)])],
    ['a PNG with an unknown colour type', () => pngFile(ihdr(10, 10, 8, 5), ['IEND', new Uint8Array(0)])],
    [
      'a PNG whose chunk overruns the file',
      () => pngFile(ihdr(10, 10)).map((byte, index) => (index === 35 ? 0xff : byte)),
    ],
    ['a JPEG without a frame header', () => Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00])],
    ['a JPEG cut before its frame header', () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a])],
    [
      'a JPEG with garbage where a marker belongs',
      () => Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00]),
    ],
    [
      'a corrupt JPEG',
      () => jpeg(pixels, 50).map((byte, index, all) => (index > 700 && index < all.length - 2 ? 0 : byte)),
    ],
  ])('error: %s is refused with ERR_IMAGE_INVALID', async (_, bytes) => {
    await expect(scanQr(bytes())).rejects.toThrow(code('ERR_IMAGE_INVALID'))
  })

  it('error: an image without a code is refused with ERR_QR_NOT_FOUND', async () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 }
    await expect(scanQr(blank)).rejects.toThrow(code('ERR_QR_NOT_FOUND'))
    await expect(scanQr(jpeg(blank, 80))).rejects.toThrow(code('ERR_QR_NOT_FOUND'))
  })

  it.each([
    ['null', null],
    ['a string', 'CV1:ABC'],
    ['an array of numbers', [137, 80, 78, 71]],
    ['pixels of the wrong length', { data: new Uint8ClampedArray(10), width: 2, height: 2 }],
    ['pixels without integer dimensions', { data: new Uint8ClampedArray(16), width: 2.5, height: 2 }],
  ])('error: %s is refused with ERR_INVALID_ARGUMENT', async (_, input) => {
    await expect(scanQr(input as never)).rejects.toThrow(code('ERR_INVALID_ARGUMENT'))
  })
})
