import { CivitasError } from '@civitas/core'
import type { StatusSize } from '../types.js'

/** The W3C minimum number of entries of a published list (16 KB of 1-bit entries). */
export const MINIMUM_LIST_LENGTH = 131_072

export function assertStatusSize(value: unknown): StatusSize {
  if (value !== 1 && value !== 2 && value !== 4 && value !== 8) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `statusSize: expected 1, 2, 4 or 8, got ${String(value)}`)
  }
  return value
}

export function checkIndex(index: number, length: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= length) {
    throw new CivitasError(
      'ERR_STATUS_INDEX_OUT_OF_RANGE',
      `status index ${String(index)} outside 0..${length - 1}`,
      {
        details: { index: typeof index === 'number' ? index : String(index), length },
      },
    )
  }
}

/**
 * Where entry 0 sits in byte 0: `msb` is the W3C Bitstring Status List order (index 0 is the most
 * significant bit), `lsb` the IETF Token Status List order (index 0 is the least significant bit).
 */
export type BitOrder = 'msb' | 'lsb'

function shiftOf(bit: number, size: StatusSize, order: BitOrder): number {
  return order === 'lsb' ? bit % 8 : 8 - size - (bit % 8)
}

/** Reads entry `index` of `size` bits in the given bit order. */
export function readEntry(
  bytes: Uint8Array,
  index: number,
  size: StatusSize,
  order: BitOrder = 'msb',
): number {
  const bit = index * size
  return ((bytes[bit >> 3] ?? 0) >> shiftOf(bit, size, order)) & ((1 << size) - 1)
}

/** Writes entry `index` of `size` bits in the given bit order. */
export function writeEntry(
  bytes: Uint8Array,
  index: number,
  size: StatusSize,
  value: number,
  order: BitOrder = 'msb',
): void {
  const bit = index * size
  const shift = shiftOf(bit, size, order)
  const mask = ((1 << size) - 1) << shift
  const byte = bit >> 3
  bytes[byte] = ((bytes[byte] ?? 0) & ~mask) | ((value << shift) & mask)
}
