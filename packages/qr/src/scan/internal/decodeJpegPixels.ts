import { CivitasError } from '@civitas/core'
import { decode } from 'jpeg-js'

/** Decodes a baseline or progressive JPEG to RGBA pixels, within a pixel and memory budget. */
export function decodeJpegPixels(
  bytes: Uint8Array,
  maxPixels: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  try {
    const image = decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxPixels / 1e6,
      maxMemoryUsageInMB: 512,
    })
    const { width, height, data } = image
    return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) }
  } catch (cause) {
    throw new CivitasError('ERR_IMAGE_INVALID', 'image: JPEG could not be decoded', { cause })
  }
}
