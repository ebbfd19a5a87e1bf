import { CivitasError } from '@civitas/core'
import { decodeJpegPixels } from './internal/decodeJpegPixels.js'
import { decodePngPixels } from './internal/decodePngPixels.js'
import { readImageHeader } from './internal/imageHeader.js'
import { type QrReaderWasm, readQrCode } from './internal/readQrCode.js'

/** Pixels already decoded: RGBA, 8 bits a channel, row by row (what a canvas's `getImageData` returns). */
export interface QrPixels {
  data: Uint8Array | Uint8ClampedArray
  width: number
  height: number
}

/** Options for {@link scanQr}. */
export interface ScanQrOptions {
  /** Refuse images with more pixels than this, judged from the header (default 25,000,000). */
  maxPixels?: number
  /** Refuse encoded images longer than this many bytes (default 32 MiB). */
  maxBytes?: number
  /**
   * The QR reader's WebAssembly (`zxing-wasm/reader/zxing_reader.wasm`): its bytes or URL. Needed outside
   * Node only; in Node it is read from the installed package. Nothing is ever fetched from elsewhere.
   */
  wasm?: QrReaderWasm
}

const DEFAULT_MAX_PIXELS = 25_000_000
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024

/**
 * Finds and reads the QR code in an image: PNG or JPEG bytes (a photo, a screenshot, a scan), or RGBA
 * pixels. Tolerates scaling, a few degrees of rotation, any margin of background, JPEG compression and
 * inverted (light on dark) codes. Returns the code's text; pass it to `decodeQr` for the token.
 *
 * The image size is checked from its header before any pixel is decoded, and PNG image data must inflate to
 * exactly the size the header implies, so neither a huge image nor a compression bomb is ever expanded.
 *
 * @see ISO/IEC 18004:2015 (QR Code)
 * @throws `ERR_INVALID_ARGUMENT` for input that is neither bytes nor `{ data, width, height }`, or pixels
 *   whose length is not `width × height × 4`; `ERR_IMAGE_INVALID` for bytes that are not a well-formed PNG
 *   or JPEG; `ERR_IMAGE_TOO_LARGE` past `maxPixels` or `maxBytes`; `ERR_QR_NOT_FOUND` when no QR code can be
 *   read.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { decodeQr } from '@civitas/qr'
 * import { scanQr } from '@civitas/qr/scan'
 *
 * const token = decodeQr(await scanQr(await readFile('pass.png')))
 * ```
 */
export async function scanQr(image: Uint8Array | QrPixels, options: ScanQrOptions = {}): Promise<string> {
  const { maxPixels = DEFAULT_MAX_PIXELS, maxBytes = DEFAULT_MAX_BYTES } = options
  const pixels =
    image instanceof Uint8Array ? decodeImage(image, maxPixels, maxBytes) : checkPixels(image, maxPixels)
  const text = await readQrCode(pixels, options.wasm)
  if (text === undefined) throw new CivitasError('ERR_QR_NOT_FOUND', 'image: no readable QR code found')
  return text
}

function decodeImage(bytes: Uint8Array, maxPixels: number, maxBytes: number) {
  if (bytes.length > maxBytes) {
    throw new CivitasError(
      'ERR_IMAGE_TOO_LARGE',
      `image: ${bytes.length} bytes exceed the limit of ${maxBytes}`,
      {
        details: { bytes: bytes.length, limit: maxBytes },
      },
    )
  }
  const header = readImageHeader(bytes)
  checkSize(header.width, header.height, maxPixels)
  return header.type === 'png' ? decodePngPixels(bytes) : decodeJpegPixels(bytes, maxPixels)
}

function checkPixels(image: QrPixels, maxPixels: number) {
  const { data, width, height } = (image ?? {}) as Partial<QrPixels>
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'image: expected PNG or JPEG bytes, or { data, width, height }',
    )
  }
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'image: width and height must be integers')
  }
  checkSize(width as number, height as number, maxPixels)
  if (data.length !== (width as number) * (height as number) * 4) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `image: expected ${width} × ${height} × 4 RGBA bytes, got ${data.length}`,
    )
  }
  const clamped =
    data instanceof Uint8ClampedArray
      ? data
      : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length)
  return { data: clamped, width: width as number, height: height as number }
}

function checkSize(width: number, height: number, maxPixels: number): void {
  if (width <= 0 || height <= 0) {
    throw new CivitasError('ERR_IMAGE_INVALID', `image: ${width} × ${height} pixels is empty`)
  }
  if (width * height > maxPixels) {
    throw new CivitasError(
      'ERR_IMAGE_TOO_LARGE',
      `image: ${width} × ${height} pixels exceed the limit of ${maxPixels}`,
      { details: { width, height, limit: maxPixels } },
    )
  }
}
