/**
 * Compact, lossless QR payloads for Civitas tokens: {@link encodeQr} turns a credential, presentation or
 * SD-JWT into `CV1:` text for QR's alphanumeric mode, and {@link decodeQr} rebuilds the exact token.
 * Rendering is in `@civitas/qr/render`, scanning images in `@civitas/qr/scan`.
 *
 * @example
 * ```ts
 * import { decodeQr, encodeQr } from '@civitas/qr'
 *
 * declare const presentation: string
 * const text = encodeQr(presentation)
 * console.log(decodeQr(text) === presentation) // true
 * ```
 *
 * @module
 */
export { decodeQr } from './decodeQr.js'
export { type EncodeQrOptions, encodeQr } from './encodeQr.js'
export type { QrErrorCorrection } from './types.js'
