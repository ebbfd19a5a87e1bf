/**
 * Reads QR codes from images: PNG or JPEG bytes, or RGBA pixels from a camera frame or a canvas.
 *
 * Install `zxing-wasm` (the reader) and `jpeg-js` (JPEG decoding) beside `@civitas/qr` to use this entry
 * point: they are optional peer dependencies, so code that only encodes, decodes or renders never installs them.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { scanQr } from '@civitas/qr/scan'
 *
 * const text = await scanQr(await readFile('pass.png'))
 * ```
 *
 * @module
 */
export type { QrReaderWasm } from './internal/readQrCode.js'
export { type QrPixels, type ScanQrOptions, scanQr } from './scanQr.js'
