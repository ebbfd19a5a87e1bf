import { CivitasError, encodeBase64url } from '@civitas/core'
import { gzipSync } from 'fflate'
import type { StatusList, StatusSize } from '../types.js'
import { checkIndex, readEntry, writeEntry } from './bits.js'

/** Wraps a bitstring (owned by the result) as a {@link StatusList}. */
export function makeStatusList(bytes: Uint8Array, statusSize: StatusSize): StatusList {
  const length = (bytes.length * 8) / statusSize
  const max = (1 << statusSize) - 1
  return {
    length,
    statusSize,
    get(index) {
      checkIndex(index, length)
      return readEntry(bytes, index, statusSize)
    },
    set(index, value) {
      checkIndex(index, length)
      if (!Number.isInteger(value) || value < 0 || value > max) {
        throw new CivitasError('ERR_INVALID_ARGUMENT', `status value: expected an integer 0..${max}`, {
          details: { value: String(value) },
        })
      }
      writeEntry(bytes, index, statusSize, value)
    },
    async encode() {
      // mtime 0 keeps the encoding deterministic, so equal lists get equal ETags.
      return `u${encodeBase64url(gzipSync(bytes, { level: 9, mtime: 0 }))}`
    },
    toBytes() {
      return bytes.slice()
    },
  }
}
