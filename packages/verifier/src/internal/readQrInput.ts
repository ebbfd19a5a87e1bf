import type { CivitasError } from '@civitas/core'
import { isCivitasError } from '@civitas/core'

/** Civitas QR text names its codec version first (`CV1:`); anything else is taken for a token. */
const CIVITAS_QR_TEXT = /^CV[0-9A-Z]*:/

let codec: Promise<typeof import('@civitas/qr')> | undefined
/** Loaded on first use, so verifiers that only ever receive tokens do not carry the codec. */
const loadCodec = () => {
  codec ??= import('@civitas/qr')
  return codec
}

/**
 * What a verifier checks for a scanned text: the token rebuilt from Civitas QR text, or the input itself
 * (a raw token, or anything else, which the verifier then refuses for its own reason). QR codec failures
 * come back as an error for the report, never thrown.
 */
export async function readQrInput(input: unknown): Promise<{ token: unknown } | { error: CivitasError }> {
  if (typeof input !== 'string' || !CIVITAS_QR_TEXT.test(input)) return { token: input }
  const { decodeQr } = await loadCodec()
  try {
    return { token: decodeQr(input) }
  } catch (error) {
    if (isCivitasError(error)) return { error }
    throw error
  }
}
