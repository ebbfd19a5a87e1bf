import type { QrErrorCorrection } from '../types.js'

/** The prefix of version-1 QR text: codec name and version. */
export const PREFIX_V1 = 'CV1:'

/** The longest QR text {@link decodeQr} reads (a version-40 code holds at most 4,296 alphanumeric characters). */
export const MAX_QR_TEXT_LENGTH = 8192

/** The most bytes a QR payload may inflate to (RULES: anything in a QR at 64 KB). */
export const MAX_INFLATED_BYTES = 64 * 1024

/** The longest token {@link encodeQr} or {@link decodeQr} handles as text. */
export const MAX_TOKEN_LENGTH = 256 * 1024

/** Alphanumeric characters a version-40 QR code holds, per error-correction level (ISO/IEC 18004 Table 7). */
export const ALPHANUMERIC_CAPACITY: Readonly<Record<QrErrorCorrection, number>> = {
  L: 4296,
  M: 3391,
  Q: 2420,
  H: 1852,
}
