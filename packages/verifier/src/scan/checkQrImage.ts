import { type QrPixels, type ScanQrOptions, scanQr } from '@civitas/qr/scan'
import type { Verifier } from '../createVerifier.js'
import { createReportBuilder } from '../internal/reportBuilder.js'
import type { CheckExpectations, Report } from '../types.js'

/** Options for {@link checkQrImage}: what the check expects, and how the image is scanned. */
export interface CheckQrImageOptions extends CheckExpectations {
  /** Limits and the reader's WebAssembly for `scanQr` (outside Node, `wasm` is required). */
  scan?: ScanQrOptions
}

/**
 * Reads the QR code in a picture (PNG or JPEG bytes, or RGBA pixels from a camera) and checks what it
 * holds with `verifier`. Like `check`, it never throws on bad input: an image that cannot be read fails the
 * report's `parse` check with `ERR_IMAGE_INVALID`, `ERR_IMAGE_TOO_LARGE` or `ERR_QR_NOT_FOUND`.
 *
 * It lives in `@civitas/verifier/scan` so that the QR reader (WebAssembly) stays out of verifiers that
 * receive text.
 *
 * @see ISO/IEC 18004:2015 (QR Code)
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { createResolver } from '@civitas/did'
 * import { createVerifier, formatReport } from '@civitas/verifier'
 * import { checkQrImage } from '@civitas/verifier/scan'
 *
 * const verifier = createVerifier({ resolver: createResolver(), trust: 'any' })
 * const report = await checkQrImage(verifier, await readFile('pass.png'), { audience: 'https://gate.example', nonce: 'n-0S6_WzA2Mj' })
 * console.log(formatReport(report))
 * ```
 */
export async function checkQrImage(
  verifier: Verifier,
  image: Uint8Array | QrPixels,
  options: CheckQrImageOptions = {},
): Promise<Report> {
  const { scan, ...expectations } = options
  let text: string
  try {
    text = await scanQr(image, scan)
  } catch (error) {
    const report = createReportBuilder('credential')
    report.fail(error, 'parse')
    return report.finish({})
  }
  return verifier.check(text, expectations)
}
