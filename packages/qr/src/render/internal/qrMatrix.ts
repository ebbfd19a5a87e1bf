import { CivitasError } from '@civitas/core'
import { encodeQR } from '@paulmillr/qr'
import type { QrErrorCorrection } from '../../types.js'

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/
const NUMERIC = /^[0-9]+$/
const LEVELS = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const

/** The modules of a QR code: `size` × `size`, `true` for dark. */
export interface QrMatrix {
  size: number
  version: number
  dark(row: number, column: number): boolean
}

/**
 * Builds the smallest QR code for `text` in one segment of the densest mode its characters allow:
 * numeric, alphanumeric (CV1 text always is), or bytes of UTF-8.
 */
export function qrMatrix(text: string, errorCorrection: QrErrorCorrection): QrMatrix {
  const encoding = NUMERIC.test(text) ? 'numeric' : ALPHANUMERIC.test(text) ? 'alphanumeric' : 'byte'
  let rows: boolean[][]
  try {
    rows = encodeQR(text, 'raw', { ecc: LEVELS[errorCorrection], encoding, border: 0 })
  } catch (cause) {
    throw new CivitasError(
      'ERR_QR_TOO_LARGE',
      `QR text of ${text.length} characters does not fit a version-40 QR code at error correction ${errorCorrection}`,
      { cause, details: { length: text.length, errorCorrection } },
    )
  }
  const size = rows.length
  return { size, version: (size - 17) / 4, dark: (row, column) => rows[row]?.[column] === true }
}
