import { decodeGzipList } from './internal/decodeGzipList.js'
import { inflateCapped } from './internal/inflateCapped.js'
import type { DecodeStatusListOptions, DecodeStatusListResult, StatusList } from './types.js'

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
