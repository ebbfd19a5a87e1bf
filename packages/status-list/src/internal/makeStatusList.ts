import { encodeBase64url } from '@civitas/core'
import type { StatusList, StatusSize } from '../types.js'
import { packedList } from './packedList.js'

/** Wraps a bitstring (owned by the result) as a W3C {@link StatusList} (most significant bit first). */
export function makeStatusList(bytes: Uint8Array, statusSize: StatusSize): StatusList {
  const list = packedList(bytes, statusSize, 'msb')
  return {
    length: list.length,
    statusSize,
    get: list.get,
    set: list.set,
    toBytes: list.toBytes,
    async encode() {
      // The compressor loads on first encode: a verifier that only reads lists never needs it.
      const { gzipSync } = await import('fflate')
      // mtime 0 keeps the encoding deterministic, so equal lists get equal ETags.
      return `u${encodeBase64url(gzipSync(bytes, { level: 9, mtime: 0 }))}`
    },
  }
}
