import { CivitasError } from '@civitas/core'
import { convertIndexedToRgb, type DecodedPng, decode } from 'fast-png'
import { concatBytes } from '../../internal/bytes.js'
import { inflateCapped } from '../../internal/inflateCapped.js'

const KEPT_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND'])
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
// Adam7 passes: x start, y start, x step, y step.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/**
 * Decodes a PNG to RGBA pixels. The image data must inflate to exactly the size its header implies
 * (checked with a capped inflate first, so a bomb is refused); ancillary chunks (text, ICC profiles,
 * animation) are dropped unread.
 */
export function decodePngPixels(bytes: Uint8Array): {
  data: Uint8ClampedArray
  width: number
  height: number
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const kept: Uint8Array[] = [bytes.subarray(0, 8)]
  const idat: Uint8Array[] = []
  let at = 8
  let ended = false
  while (!ended) {
    if (at + 12 > bytes.length) throw invalid('PNG: truncated chunk')
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (length > bytes.length - at - 12) throw invalid(`PNG: chunk ${JSON.stringify(type)} overruns the file`)
    if (KEPT_CHUNKS.has(type)) kept.push(bytes.subarray(at, at + 12 + length))
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    ended = type === 'IEND'
    at += 12 + length
  }
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const depth = bytes[24] as number
  const channels = CHANNELS[bytes[25] as number]
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(depth))
    throw invalid('PNG: unknown colour type or depth')
  const expected = imageDataSize(width, height, channels * depth, bytes[28] === 1)
  const inflated = inflateCapped(concatBytes(idat), {
    framing: 'zlib',
    limit: expected,
    limitCode: 'ERR_IMAGE_INVALID',
    invalidCode: 'ERR_IMAGE_INVALID',
    name: 'PNG image data',
  })
  if (inflated.length !== expected)
    throw invalid(`PNG: image data holds ${inflated.length} bytes, expected ${expected}`)
  let png: DecodedPng
  try {
    png = decode(concatBytes(kept))
  } catch (cause) {
    throw new CivitasError('ERR_IMAGE_INVALID', 'image: PNG could not be decoded', { cause })
  }
  return { data: toRgba(png), width, height }
}

function imageDataSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0)
  if (!interlaced) return rows(width, height)
  let size = 0
  for (const [x, y, dx, dy] of ADAM7) size += rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy))
  return size
}

/** RGBA, 8 bits a channel, composited over white. */
function toRgba(png: DecodedPng): Uint8ClampedArray {
  const { width, height } = png
  const pixels = width * height
  let channels = png.channels
  let samples: ArrayLike<number>
  let max = 255
  if (png.palette !== undefined) {
    samples = convertIndexedToRgb(png)
    channels = png.palette[0]?.length ?? 3
  } else if (png.depth < 8) {
    samples = unpackGray(png.data, width, height, png.depth)
    max = 2 ** png.depth - 1
  } else {
    samples = png.data
    max = png.depth === 16 ? 65535 : 255
  }
  const out = new Uint8ClampedArray(pixels * 4)
  const color = channels >= 3
  const alpha = channels === 2 || channels === 4
  for (let pixel = 0; pixel < pixels; pixel++) {
    const base = pixel * channels
    const a = alpha ? (samples[base + channels - 1] as number) / max : 1
    for (let c = 0; c < 3; c++) {
      const value = (samples[base + (color ? c : 0)] as number) / max
      out[pixel * 4 + c] = Math.round(255 * (value * a + (1 - a)))
    }
    out[pixel * 4 + 3] = 255
  }
  return out
}

function unpackGray(data: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height)
  const bytesPerLine = Math.ceil((width * depth) / 8)
  const mask = 2 ** depth - 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth
      const byte = (data[y * bytesPerLine + (bit >> 3)] as number) ?? 0
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask
    }
  }
  return out
}

function invalid(message: string): CivitasError {
  return new CivitasError('ERR_IMAGE_INVALID', `image: ${message}`)
}
