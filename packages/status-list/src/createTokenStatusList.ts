import { CivitasError } from '@civitas/core'
import { assertStatusSize, MINIMUM_LIST_LENGTH } from './internal/bits.js'
import { makeTokenStatusList } from './internal/makeTokenStatusList.js'
import { MAX_LIST_BYTES } from './internal/packedList.js'
import type { StatusSize, TokenStatusList } from './types.js'

/** Options of {@link createTokenStatusList}. */
export interface CreateTokenStatusListOptions {
  /**
   * Number of entries; default 131,072. The draft sets no minimum, but a long list is what hides
   * which credential a verifier checks (herd privacy).
   */
  length?: number
  /** Bits per entry: 1 (valid / invalid), 2 (adds suspended), 4 or 8; default 1. */
  bits?: StatusSize
}

/** The list {@link createTokenStatusList} returns. */
export type CreateTokenStatusListResult = TokenStatusList

/**
 * Creates an empty IETF Token Status List (every entry 0, VALID).
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §4 (Status List)
 * @throws `ERR_INVALID_ARGUMENT` for `bits` other than 1, 2, 4 or 8, or a length that is not a whole
 *   number of bytes, not positive, or above 16 MB
 * @example
 * ```ts
 * import { createTokenStatusList, decodeTokenStatusList, TOKEN_STATUS } from '@civitas/status-list'
 *
 * const list = createTokenStatusList({ bits: 2 })
 * list.set(1993, TOKEN_STATUS.SUSPENDED)
 * console.log(decodeTokenStatusList(list.encode()).get(1993)) // 2
 * ```
 */
export function createTokenStatusList(
  options: CreateTokenStatusListOptions = {},
): CreateTokenStatusListResult {
  const bits = assertStatusSize(options.bits ?? 1)
  const length = options.length ?? MINIMUM_LIST_LENGTH
  if (
    !Number.isSafeInteger(length) ||
    length <= 0 ||
    (length * bits) % 8 !== 0 ||
    length * bits > 8 * MAX_LIST_BYTES
  ) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `length: expected a positive whole number of bytes of entries, at most 16 MB, got ${String(length)}`,
      { details: { length: String(length), bits } },
    )
  }
  return makeTokenStatusList(new Uint8Array((length * bits) / 8), bits)
}
