import { decodeGzipList } from './internal/decodeGzipList.js'
import { inflateCapped } from './internal/inflateCapped.js'
import type { StatusList, StatusSize } from './types.js'

/** Options of {@link decodeStatusList}. */
export interface DecodeStatusListOptions {
  /** Bits per entry (the entry's `statusSize`); default 1. */
  statusSize?: StatusSize
  /** Cap on the inflated bitstring; default 16 MB. */
  maxInflatedBytes?: number
  /** Cap on inflated / compressed size once past 1 MB; default 1,024. */
  maxRatio?: number
  /** Minimum number of entries; default 131,072 (the W3C minimum). */
  minimumLength?: number
}

/** The list {@link decodeStatusList} returns. */
export type DecodeStatusListResult = StatusList

/**
 * Decodes an `encodedList` (`u` + base64url-no-pad(GZIP(bits))) into a {@link StatusList}.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 * @throws ERR_STATUS_LIST_INVALID on a missing `u` prefix, bad base64url or GZIP, a list shorter than the minimum,
 *   or one that inflates past the size or ratio cap
 * @throws ERR_INVALID_ARGUMENT for a statusSize other than 1, 2, 4 or 8, or caps that are not positive
 * @example
 * ```ts
 * import { decodeStatusList } from '@civitas/status-list'
 *
 * const list = decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA')
 * console.log(list.length, list.get(94567)) // 131072 0
 * ```
 */
export function decodeStatusList(
  encodedList: string,
  options: DecodeStatusListOptions = {},
): DecodeStatusListResult {
  return decodeGzipList(encodedList, options, inflateCapped)
}
