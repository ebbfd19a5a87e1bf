import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import { Inflate, Unzlib } from 'fflate'
import { concatBytes } from './bytes.js'

const CHUNK = 64

/** Options for {@link inflateCapped}. */
export interface InflateCappedOptions {
  /** The most bytes the output may hold. */
  limit: number
  /** `raw` DEFLATE (default) or `zlib`-framed. */
  framing?: 'raw' | 'zlib'
  /** Preset dictionary (raw DEFLATE only). */
  dictionary?: Uint8Array
  /** Code for output past the limit. */
  limitCode: CivitasErrorCode
  /** Code for data that is not valid DEFLATE, or is truncated. */
  invalidCode: CivitasErrorCode
  /** Names the data in messages. */
  name: string
}

/**
 * Inflates `data`, feeding it 64 bytes at a time and stopping as soon as the output passes `limit` bytes,
 * so a compression bomb is refused without being inflated (at most one chunk's worth, about 66 KB, is
 * inflated past the limit before the refusal).
 */
export function inflateCapped(data: Uint8Array, options: InflateCappedOptions): Uint8Array {
  const { limit, name } = options
  const parts: Uint8Array[] = []
  let total = 0
  let ended = false
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length
    if (total > limit) {
      throw new CivitasError(options.limitCode, `${name} inflates beyond ${limit} bytes`, {
        details: { limit, compressedBytes: data.length },
      })
    }
    parts.push(chunk)
    if (final) ended = true
  }
  const stream =
    options.framing === 'zlib'
      ? new Unzlib(onData)
      : new Inflate(options.dictionary === undefined ? {} : { dictionary: options.dictionary }, onData)
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      const end = Math.min(data.length, offset + CHUNK)
      stream.push(data.subarray(offset, end), end === data.length)
    }
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError(options.invalidCode, `${name} is not valid DEFLATE data`, { cause })
  }
  if (!ended) throw new CivitasError(options.invalidCode, `${name}: DEFLATE data is truncated`)
  return concatBytes(parts)
}
