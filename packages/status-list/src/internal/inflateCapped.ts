import { CivitasError } from '@civitas/core'
import { Gunzip, Unzlib } from 'fflate'
import { adler32 } from './adler32.js'
import { crc32 } from './crc32.js'

const CHUNK = 1024

/** How {@link inflateCapped} reads its input. */
export interface InflateCappedOptions {
  /** `gzip` (RFC 1952, W3C lists) or `zlib` (RFC 1950, IETF token status lists). */
  framing: 'gzip' | 'zlib'
  /** Cap on the inflated size, in bytes. */
  limit: number
  /** Cap on inflated / compressed size once past a 1 MB floor. */
  maxRatio: number
}

/**
 * Inflates `data`, feeding it 1 KB at a time and stopping as soon as the output passes `limit` bytes or
 * `maxRatio` times the input consumed so far (past a 1 MB floor), so a bomb is refused without inflating it.
 * The trailer is checked too (CRC-32 and size for GZIP, Adler-32 for zlib), which fflate leaves out.
 *
 * @throws `ERR_STATUS_LIST_INVALID` for data that is not of that framing, truncated, corrupt or too large.
 */
export function inflateCapped(data: Uint8Array, options: InflateCappedOptions): Uint8Array {
  const { framing, limit, maxRatio } = options
  const name = framing === 'gzip' ? 'GZIP' : 'zlib'
  const parts: Uint8Array[] = []
  let total = 0
  let consumed = 0
  let ended = false
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length
    const ratioLimit = Math.max(1024 * 1024, consumed * maxRatio)
    if (total > limit || total > ratioLimit) {
      throw new CivitasError('ERR_STATUS_LIST_INVALID', 'status list inflates beyond its size or ratio cap', {
        details: { limit, maxRatio, compressedBytes: data.length },
      })
    }
    parts.push(chunk)
    if (final) ended = true
  }
  const stream = framing === 'gzip' ? new Gunzip(onData) : new Unzlib(onData)
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      consumed = Math.min(data.length, offset + CHUNK)
      stream.push(data.subarray(offset, consumed), consumed === data.length)
    }
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError('ERR_STATUS_LIST_INVALID', `status list is not valid ${name}`, { cause })
  }
  if (!ended || data.length === 0) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', `status list ${name} data is truncated`)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  if (!trailerMatches(data, out, framing)) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      framing === 'gzip'
        ? 'status list GZIP trailer (CRC-32 or size) does not match'
        : 'status list zlib trailer (Adler-32) does not match',
    )
  }
  return out
}

function trailerMatches(data: Uint8Array, out: Uint8Array, framing: 'gzip' | 'zlib'): boolean {
  if (framing === 'zlib') {
    // A zlib stream is at least a 2-byte header, one DEFLATE byte and the 4-byte big-endian Adler-32.
    if (data.length < 7) return false
    return new DataView(data.buffer, data.byteOffset + data.length - 4, 4).getUint32(0) === adler32(out)
  }
  if (data.length < 18) return false
  const trailer = new DataView(data.buffer, data.byteOffset + data.length - 8, 8)
  return trailer.getUint32(0, true) === crc32(0, out) && trailer.getUint32(4, true) === out.length % 2 ** 32
}
