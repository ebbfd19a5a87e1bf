/**
 * Renders QR codes as PNG images, SVG documents or UTF-8 half blocks for terminals, in alphanumeric mode
 * for `CV1:` text.
 *
 * @example
 * ```ts
 * import { renderQr } from '@civitas/qr/render'
 *
 * const svg = renderQr('CV1:EXAMPLE', { format: 'svg' })
 * ```
 *
 * @module
 */
export {
  type QrImageFormat,
  type RenderQrOptions,
  type RenderQrResult,
  renderQr,
} from './renderQr.js'
