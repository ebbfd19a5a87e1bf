import { CivitasError } from '@civitas/core'
import { assertStatusSize, MINIMUM_LIST_LENGTH } from './internal/bits.js'
import { makeStatusList } from './internal/makeStatusList.js'
import type { StatusList, StatusSize } from './types.js'

/** Options of {@link createStatusList}. */
export interface CreateStatusListOptions {
  /** Number of entries; default and minimum 131,072 (the W3C minimum for published lists). */
  length?: number
  /** Bits per entry; default 1. */
  statusSize?: StatusSize
  /** Lowers the minimum length (tests, private lists); never below 8. Default 131,072. */
  minimumLength?: number
}

/** The list {@link createStatusList} returns. */
export type CreateStatusListResult = StatusList

/**
 * Creates an empty W3C Bitstring Status List (every entry 0).
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 * @throws ERR_INVALID_ARGUMENT when the length is below the minimum, not a whole number of bytes, or statusSize is not 1, 2, 4 or 8
 * @example
 * ```ts
 * import { createStatusList, decodeStatusList } from '@civitas/status-list'
 *
 * const list = createStatusList()
 * list.set(94567, 1)
 * const encodedList = await list.encode()
 * console.log(decodeStatusList(encodedList).get(94567)) // 1
 * ```
 */
export function createStatusList(options: CreateStatusListOptions = {}): CreateStatusListResult {
  const statusSize = assertStatusSize(options.statusSize ?? 1)
  const minimum = Math.max(8, options.minimumLength ?? MINIMUM_LIST_LENGTH)
  const length = options.length ?? Math.max(minimum, MINIMUM_LIST_LENGTH)
  if (!Number.isSafeInteger(length) || length < minimum || (length * statusSize) % 8 !== 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `length: expected a whole number of bytes of at least ${minimum} entries, got ${String(length)}`,
      { details: { length: String(length), minimum } },
    )
  }
  if (length * statusSize > 8 * 16 * 1024 * 1024) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'length: a status list is capped at 16 MB', {
      details: { length },
    })
  }
  return makeStatusList(new Uint8Array((length * statusSize) / 8), statusSize)
}
