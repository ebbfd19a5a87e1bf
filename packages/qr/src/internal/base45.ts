import { CivitasError } from '@civitas/core'

/** The 45 characters of QR alphanumeric mode, in base45 order (RFC 9285 §4). */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, value) => [char, value]))

/** Encodes bytes as base45 (RFC 9285): two bytes become three characters, a last odd byte two. */
export function encodeBase45(bytes: Uint8Array): string {
  let out = ''
  let index = 0
  for (; index + 1 < bytes.length; index += 2) {
    const n = ((bytes[index] as number) << 8) | (bytes[index + 1] as number)
    out +=
      ALPHABET.charAt(n % 45) +
      ALPHABET.charAt(Math.floor(n / 45) % 45) +
      ALPHABET.charAt(Math.floor(n / 2025))
  }
  if (index < bytes.length) {
    const n = bytes[index] as number
    out += ALPHABET.charAt(n % 45) + ALPHABET.charAt(Math.floor(n / 45))
  }
  return out
}

/**
 * Decodes base45 (RFC 9285 §4.2), refusing characters outside the alphabet, a length of 1 modulo 3 and
 * groups that overflow (a triple above 65,535, a final pair above 255), so each byte string has one encoding.
 */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) {
    throw new CivitasError('ERR_QR_INVALID', `QR text: base45 length ${text.length} is impossible`)
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let written = 0
  for (let index = 0; index < text.length; index += 3) {
    const last = index + 2 >= text.length
    const n =
      valueAt(text, index) + valueAt(text, index + 1) * 45 + (last ? 0 : valueAt(text, index + 2) * 2025)
    if (n > (last ? 0xff : 0xffff)) {
      throw new CivitasError('ERR_QR_INVALID', `QR text: base45 group at ${index} overflows (${n})`)
    }
    if (last) out[written++] = n
    else {
      out[written++] = n >> 8
      out[written++] = n & 0xff
    }
  }
  return out
}

function valueAt(text: string, index: number): number {
  const value = VALUES.get(text.charAt(index))
  if (value === undefined) {
    throw new CivitasError(
      'ERR_QR_INVALID',
      `QR text: ${JSON.stringify(text.charAt(index))} at ${index} is not a base45 character`,
    )
  }
  return value
}
