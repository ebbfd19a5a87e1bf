import { CivitasError } from '@civitas/core'
import type { StatusSize } from '../types.js'
import { type BitOrder, checkIndex, readEntry, writeEntry } from './bits.js'

/** What both list formats share: fixed-size entries packed into bytes. */
export interface PackedList {
  readonly length: number
  get(index: number): number
  set(index: number, value: number): void
  toBytes(): Uint8Array
}

/** Wraps `bytes` (owned by the result) as entries of `size` bits in `order`. */
export function packedList(bytes: Uint8Array, size: StatusSize, order: BitOrder): PackedList {
  const length = (bytes.length * 8) / size
  const max = (1 << size) - 1
  return {
    length,
    get(index) {
      checkIndex(index, length)
      return readEntry(bytes, index, size, order)
    },
    set(index, value) {
      checkIndex(index, length)
      if (!Number.isInteger(value) || value < 0 || value > max) {
        throw new CivitasError('ERR_INVALID_ARGUMENT', `status value: expected an integer 0..${max}`, {
          details: { value: String(value) },
        })
      }
      writeEntry(bytes, index, size, value, order)
    },
    toBytes() {
      return bytes.slice()
    },
  }
}

/** The largest list either format holds: 16 MB of entries. */
export const MAX_LIST_BYTES = 16 * 1024 * 1024
