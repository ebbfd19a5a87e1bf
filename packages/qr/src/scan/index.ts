/**
 * Reads QR codes from images: PNG or JPEG bytes, or RGBA pixels from a camera frame or a canvas.
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
