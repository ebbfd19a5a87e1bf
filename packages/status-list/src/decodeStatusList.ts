import { CivitasError, decodeBase64url } from '@civitas/core'
import { assertStatusSize, MINIMUM_LIST_LENGTH } from './internal/bits.js'
import { inflateCapped } from './internal/inflateCapped.js'
import { makeStatusList } from './internal/makeStatusList.js'
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
  const statusSize = assertStatusSize(options.statusSize ?? 1)
  const maxInflated = options.maxInflatedBytes ?? 16 * 1024 * 1024
  const minimum = options.minimumLength ?? MINIMUM_LIST_LENGTH
  const maxRatio = options.maxRatio ?? 1024
  if (!(maxInflated > 0) || !(maxRatio > 0)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'maxInflatedBytes and maxRatio must be positive numbers')
  }
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      'encodedList: expected multibase base64url (a "u" prefix)',
    )
  }
  let compressed: Uint8Array
  try {
    compressed = decodeBase64url(encodedList.slice(1), {
      name: 'encodedList',
      maxLength: Math.ceil((maxInflated * 4) / 3) + 1024,
    })
  } catch (cause) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', 'encodedList: not valid base64url or too large', {
      cause,
    })
  }
  const bytes = inflateCapped(compressed, { framing: 'gzip', limit: maxInflated, maxRatio })
  const length = (bytes.length * 8) / statusSize
  if (length < minimum) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      `status list has ${length} entries, fewer than ${minimum}`,
      {
        details: { length, minimum },
      },
    )
  }
  return makeStatusList(bytes, statusSize)
}
