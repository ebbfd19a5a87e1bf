import { decodeZlibList } from './internal/decodeZlibList.js'
import type { DecodeTokenStatusListOptions, DecodeTokenStatusListResult, TokenStatusList } from './types.js'

/**
 * Decodes a status list token's `status_list` claim (`{ bits, lst }`: base64url of zlib-framed
 * DEFLATE, entries least significant bit first) into a {@link TokenStatusList}. It does not verify
 * any signature: use {@link verifyStatusListToken} for a token.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §4.1 (Compressed Byte Array), §4.2
 * @throws `ERR_STATUS_LIST_INVALID` for a claim that is not `{ bits, lst }`, `bits` other than 1, 2,
 *   4 or 8, bad base64url, data that is not zlib (GZIP and raw DEFLATE included), a truncated stream,
 *   a wrong Adler-32, an empty list, or one that inflates past the size or ratio cap
 * @throws `ERR_INVALID_ARGUMENT` for caps that are not positive numbers
 * @example
 * ```ts
 * import { decodeTokenStatusList } from '@civitas/status-list'
 *
 * const list = decodeTokenStatusList({ bits: 1, lst: 'eNrbuRgAAhcBXQ' })
 * console.log(list.length, list.get(0), list.get(1)) // 16 1 0
 * ```
 */
export function decodeTokenStatusList(
  statusList: unknown,
  options: DecodeTokenStatusListOptions = {},
): DecodeTokenStatusListResult {
  return decodeZlibList(statusList, options)
}
