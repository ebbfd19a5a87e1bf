import { CivitasError } from '@civitas/core'
import { encode as encodePng } from 'fast-png'
import type { QrErrorCorrection } from '../types.js'
import { type QrMatrix, qrMatrix } from './internal/qrMatrix.js'

/** The image formats {@link renderQr} produces. */
export type QrImageFormat = 'png' | 'svg' | 'terminal'

/** Options for {@link renderQr}. */
export interface RenderQrOptions<Format extends QrImageFormat = QrImageFormat> {
  /** `png` (bytes), `svg` (markup) or `terminal` (UTF-8 half blocks, two rows of modules per line). */
  format: Format
  /** Error-correction level (default `M`). */
  errorCorrection?: QrErrorCorrection
  /** Quiet zone around the code, in modules (default 4, what ISO/IEC 18004 requires). */
  margin?: number
  /** PNG only: pixels per module (default 8). */
  scale?: number
  /**
   * Terminal only: print dark modules as blocks, for terminals with a light background. By default light
   * modules are printed, which suits the usual dark background.
   */
  invert?: boolean
}

/** What {@link renderQr} returns: PNG bytes, or SVG or terminal text. */
export type RenderQrResult<Format extends QrImageFormat = QrImageFormat> = Format extends 'png'
  ? Uint8Array
  : string

/**
 * Renders text (usually from `encodeQr`) as a QR code: a PNG image, an SVG document or UTF-8 half blocks
 * for a terminal. Text in QR's alphanumeric alphabet is encoded in alphanumeric mode (5.5 bits a
 * character), digits in numeric mode, anything else as UTF-8 bytes; always the smallest version that fits.
 *
 * @see ISO/IEC 18004:2015 (QR Code)
 * @throws `ERR_INVALID_ARGUMENT` for a non-string text or an unknown format, level, margin or scale;
 *   `ERR_QR_TOO_LARGE` when the text does not fit a version-40 code at the error-correction level.
 * @example
 * ```ts
 * import { encodeQr } from '@civitas/qr'
 * import { renderQr } from '@civitas/qr/render'
 *
 * declare const presentation: string
 * const text = encodeQr(presentation)
 * console.log(renderQr(text, { format: 'terminal' }))
 * const png: Uint8Array = renderQr(text, { format: 'png', errorCorrection: 'M', scale: 6 })
 * ```
 */
export function renderQr<Format extends QrImageFormat>(
  text: string,
  options: RenderQrOptions<Format>,
): RenderQrResult<Format> {
  const { format, errorCorrection = 'M', margin = 4, scale = 8, invert = false } = options
  if (typeof text !== 'string') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `text: expected a string, got ${typeof text}`)
  }
  if (!['L', 'M', 'Q', 'H'].includes(errorCorrection)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `errorCorrection: expected L, M, Q or H, got ${String(errorCorrection)}`,
    )
  }
  checkInteger('margin', margin, 0, 64)
  checkInteger('scale', scale, 1, 64)
  const matrix = qrMatrix(text, errorCorrection)
  switch (format as QrImageFormat) {
    case 'png':
      return toPng(matrix, margin, scale) as RenderQrResult<Format>
    case 'svg':
      return toSvg(matrix, margin) as RenderQrResult<Format>
    case 'terminal':
      return toTerminal(matrix, margin, invert) as RenderQrResult<Format>
    default:
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `format: expected png, svg or terminal, got ${String(format)}`,
      )
  }
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${name}: expected an integer from ${min} to ${max}, got ${String(value)}`,
    )
  }
}

/** Whether the module at (row, column) of the code with its quiet zone is dark. */
function darkAt(matrix: QrMatrix, margin: number, row: number, column: number): boolean {
  const r = row - margin
  const c = column - margin
  return r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && matrix.dark(r, c)
}

function toPng(matrix: QrMatrix, margin: number, scale: number): Uint8Array {
  const modules = matrix.size + 2 * margin
  const width = modules * scale
  const data = new Uint8Array(width * width).fill(255)
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (!darkAt(matrix, margin, row, column)) continue
      for (let y = row * scale; y < (row + 1) * scale; y++)
        data.fill(0, y * width + column * scale, y * width + (column + 1) * scale)
    }
  }
  return encodePng({ width, height: width, data, depth: 8, channels: 1 })
}

function toSvg(matrix: QrMatrix, margin: number): string {
  const modules = matrix.size + 2 * margin
  let path = ''
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (!matrix.dark(row, column)) continue
      const start = column
      while (column + 1 < matrix.size && matrix.dark(row, column + 1)) column++
      path += `M${start + margin} ${row + margin}h${column - start + 1}v1h${start - column - 1}z`
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules} ${modules}" shape-rendering="crispEdges">` +
    `<rect width="${modules}" height="${modules}" fill="#fff"/><path fill="#000" d="${path}"/></svg>\n`
  )
}

function toTerminal(matrix: QrMatrix, margin: number, invert: boolean): string {
  const modules = matrix.size + 2 * margin
  // Printed characters show the foreground colour: by default it draws the light modules.
  const shown = (row: number, column: number) => darkAt(matrix, margin, row, column) === invert
  const lines: string[] = []
  for (let row = 0; row < modules; row += 2) {
    let line = ''
    for (let column = 0; column < modules; column++) {
      const top = shown(row, column)
      const bottom = row + 1 < modules && shown(row + 1, column)
      line += top ? (bottom ? '█' : '▀') : bottom ? '▄' : ' '
    }
    lines.push(line)
  }
  return `${lines.join('\n')}\n`
}
