import { CivitasError } from '@civitas/core'
import { Gunzip } from 'fflate'
import { crc32 } from './crc32.js'

const CHUNK = 1024

/**
 * Gunzips `data`, feeding it 1 KB at a time and stopping as soon as the output passes `limit` bytes or
 * `maxRatio` times the input consumed so far (past a 1 MB floor), so a bomb is refused without inflating it.
 */
export function gunzipCapped(data: Uint8Array, limit: number, maxRatio: number): Uint8Array {
  const parts: Uint8Array[] = []
  let total = 0
  let consumed = 0
  let ended = false
  let crc = 0
  const stream = new Gunzip((chunk, final) => {
    total += chunk.length
    const ratioLimit = Math.max(1024 * 1024, consumed * maxRatio)
    if (total > limit || total > ratioLimit) {
      throw new CivitasError('ERR_STATUS_LIST_INVALID', 'status list inflates beyond its size or ratio cap', {
        details: { limit, maxRatio, compressedBytes: data.length },
      })
    }
    parts.push(chunk)
    crc = crc32(crc, chunk)
    if (final) ended = true
  })
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      consumed = Math.min(data.length, offset + CHUNK)
      stream.push(data.subarray(offset, consumed), consumed === data.length)
    }
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError('ERR_STATUS_LIST_INVALID', 'status list is not valid GZIP', { cause })
  }
  if (!ended || data.length === 0) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', 'status list GZIP data is truncated')
  }
  // fflate does not check the trailer: require CRC-32 and ISIZE to match what was inflated.
  const trailer =
    data.length >= 18 ? new DataView(data.buffer, data.byteOffset + data.length - 8, 8) : undefined
  if (
    trailer === undefined ||
    trailer.getUint32(0, true) !== crc ||
    trailer.getUint32(4, true) !== total % 2 ** 32
  ) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      'status list GZIP trailer (CRC-32 or size) does not match',
    )
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
