import { encodeBase64url } from '@civitas/core'
import { zlibSync } from 'fflate'
import type { StatusSize, TokenStatusList } from '../types.js'
import { packedList } from './packedList.js'

/** Wraps a byte array (owned by the result) as an IETF {@link TokenStatusList} (least significant bit first). */
export function makeTokenStatusList(bytes: Uint8Array, bits: StatusSize): TokenStatusList {
  const list = packedList(bytes, bits, 'lsb')
  return {
    length: list.length,
    bits,
    get: list.get,
    set: list.set,
    toBytes: list.toBytes,
    encode() {
      return { bits, lst: encodeBase64url(zlibSync(bytes, { level: 9 })) }
    },
  }
}
