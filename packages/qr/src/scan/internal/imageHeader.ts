import { CivitasError } from '@civitas/core'

/** What an image's header says, read before any pixel is decoded. */
export interface ImageHeader {
  type: 'png' | 'jpeg'
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Reads the type and dimensions of a PNG (IHDR) or JPEG (SOFn) image from its first bytes. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return readPngHeader(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegHeader(bytes)
  throw invalid('not a PNG or JPEG image')
}

function readPngHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ihdr = bytes.length >= 33 && view.getUint32(8) === 13 && ascii(bytes, 12, 4) === 'IHDR'
  if (!ihdr) throw invalid('PNG: the first chunk is not a complete IHDR')
  return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) }
}

function readJpegHeader(bytes: Uint8Array): ImageHeader {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw invalid(`JPEG: expected a marker at byte ${at}`)
    const marker = bytes[at + 1] as number
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2 // markers without a length
      continue
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)
    if (length < 2) throw invalid(`JPEG: segment length ${length} at byte ${at}`)
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (frame) {
      if (length < 8 || at + 9 > bytes.length) throw invalid('JPEG: truncated frame header')
      const height = ((bytes[at + 5] as number) << 8) | (bytes[at + 6] as number)
      const width = ((bytes[at + 7] as number) << 8) | (bytes[at + 8] as number)
      return { type: 'jpeg', width, height }
    }
    if (marker === 0xda || marker === 0xd9) throw invalid('JPEG: no frame header before the image data')
    at += 2 + length
  }
  throw invalid('JPEG: truncated before its frame header')
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

function invalid(message: string): CivitasError {
  return new CivitasError('ERR_IMAGE_INVALID', `image: ${message}`)
}
