import type { KeyType } from '@civitas/core'

/** Multicodec codes of the public keys Civitas reads and writes. */
export const MULTICODEC_OF_CURVE: Readonly<Record<KeyType, number>> = {
  Ed25519: 0xed,
  X25519: 0xec,
  secp256k1: 0xe7,
  'P-256': 0x1200,
}

/** The curve of each supported multicodec code. */
export const CURVE_OF_MULTICODEC: ReadonlyMap<number, KeyType> = new Map(
  Object.entries(MULTICODEC_OF_CURVE).map(([curve, code]) => [code, curve as KeyType]),
)

/** A multikey longer than this is not one of ours (the longest, P-256, is 35 bytes). */
export const MAX_MULTIKEY_LENGTH = 128

/**
 * Reads the unsigned LEB128 varint at the start of `bytes` as multiformats does (at most 9 bytes,
 * minimally encoded), returning the value and its length. Civitas needs only this and the four key
 * codes, so the verification path goes without the whole multiformats index.
 *
 * @throws RangeError when the bytes end inside the varint, it is too long or not minimal.
 */
export function readVarint(bytes: Uint8Array): [value: number, length: number] {
  let value = 0
  let shift = 0
  let length = 0
  let byte: number
  do {
    if (length >= bytes.length) throw new RangeError('could not decode varint')
    byte = bytes[length++] ?? 0
    value += shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 2 ** shift
    shift += 7
  } while (byte >= 0x80)
  if (length > 9) throw new RangeError('varint too long')
  if (length > 1 && byte === 0) throw new RangeError('varint not minimally encoded')
  return [value, length]
}

/** The varint encoding of a multicodec code. */
export function varintBytes(code: number): Uint8Array {
  const bytes: number[] = []
  let rest = code
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return new Uint8Array(bytes)
}
