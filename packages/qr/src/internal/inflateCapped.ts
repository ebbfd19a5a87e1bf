import { CivitasError } from '@civitas/core'
import { Inflate } from 'fflate'

const CHUNK = 64

/**
 * Inflates raw DEFLATE `data` with a preset dictionary, feeding it 64 bytes at a time and stopping as soon as
 * the output passes `limit` bytes, so a compression bomb is refused without being inflated.
 */
export function inflateCapped(data: Uint8Array, dictionary: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = []
  let total = 0
  let ended = false
  const stream = new Inflate({ dictionary }, (chunk, final) => {
    total += chunk.length
    if (total > limit) {
      throw new CivitasError('ERR_QR_INFLATE_LIMIT', `QR payload inflates beyond ${limit} bytes`, {
        details: { limit, compressedBytes: data.length },
      })
    }
    parts.push(chunk)
    if (final) ended = true
  })
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      const end = Math.min(data.length, offset + CHUNK)
      stream.push(data.subarray(offset, end), end === data.length)
    }
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError('ERR_QR_INVALID', 'QR payload is not valid DEFLATE data', { cause })
  }
  if (!ended) throw new CivitasError('ERR_QR_INVALID', 'QR payload: DEFLATE data is truncated')
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
