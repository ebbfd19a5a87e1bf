import { CivitasError, decodeBase64url } from '@civitas/core'
import type { inflateCapped } from './inflateCapped.js'
import { MAX_LIST_BYTES } from './packedList.js'

/** How far a compressed list may inflate: in all, and as a multiple of its compressed size. */
export interface InflateLimits {
  readonly maxInflated: number
  readonly maxRatio: number
}

/**
 * The caps a decoder was given, or the defaults (16 MB, ratio 1,024).
 *
 * @throws `ERR_INVALID_ARGUMENT` unless both are positive numbers.
 */
export function inflateLimits(options: { maxInflatedBytes?: number; maxRatio?: number }): InflateLimits {
  const maxInflated = options.maxInflatedBytes ?? MAX_LIST_BYTES
  const maxRatio = options.maxRatio ?? 1024
  if (!(maxInflated > 0) || !(maxRatio > 0)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'maxInflatedBytes and maxRatio must be positive numbers')
  }
  return { maxInflated, maxRatio }
}

/** What {@link inflateBase64url} decodes, and how its errors name it. */
export interface InflateBase64urlOptions {
  framing: 'gzip' | 'zlib'
  limits: InflateLimits
  /** The member's name, for base64url errors. */
  name: string
  /** Where the member sits, for the error when it is not base64url or too large. */
  label: string
}

/**
 * Decodes base64url text no longer than the inflate cap could need, then inflates it within the limits
 * with `inflate` (passed in, so that a status checker can load the inflater on its first list).
 *
 * @throws `ERR_STATUS_LIST_INVALID` for bad or oversized base64url and for anything {@link inflateCapped} refuses.
 */
export function inflateBase64url(
  text: string,
  options: InflateBase64urlOptions,
  inflate: typeof inflateCapped,
): Uint8Array {
  const { framing, limits, name, label } = options
  let compressed: Uint8Array
  try {
    compressed = decodeBase64url(text, { name, maxLength: Math.ceil((limits.maxInflated * 4) / 3) + 1024 })
  } catch (cause) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', `${label}: not valid base64url or too large`, { cause })
  }
  return inflate(compressed, { framing, limit: limits.maxInflated, maxRatio: limits.maxRatio })
}
