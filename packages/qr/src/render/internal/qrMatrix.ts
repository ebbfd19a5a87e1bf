import { CivitasError } from '@civitas/core'
import QRCode from 'qrcode'
import type { QrErrorCorrection } from '../../types.js'

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/

/** The modules of a QR code: `size` × `size`, `true` for dark. */
export interface QrMatrix {
  size: number
  version: number
  dark(row: number, column: number): boolean
}

/**
 * Builds the QR code for `text`: one alphanumeric segment when the text allows it (CV1 text always does),
 * otherwise the segments the library finds cheapest.
 */
export function qrMatrix(text: string, errorCorrection: QrErrorCorrection): QrMatrix {
  const segments: string | QRCode.QRCodeSegment[] = ALPHANUMERIC.test(text)
    ? [{ data: text, mode: 'alphanumeric' }]
    : text
  let code: QRCode.QRCode
  try {
    code = QRCode.create(segments, { errorCorrectionLevel: errorCorrection })
  } catch (cause) {
    throw new CivitasError(
      'ERR_QR_TOO_LARGE',
      `QR text of ${text.length} characters does not fit a version-40 QR code at error correction ${errorCorrection}`,
      { cause, details: { length: text.length, errorCorrection } },
    )
  }
  const { size, data } = code.modules
  return { size, version: code.version, dark: (row, column) => data[row * size + column] === 1 }
}
