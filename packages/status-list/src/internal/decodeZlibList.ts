import { CivitasError } from '@civitas/core'
import type { DecodeTokenStatusListOptions, DecodeTokenStatusListResult } from '../types.js'
import { inflateBase64url, inflateLimits } from './compressedList.js'
import { inflateCapped } from './inflateCapped.js'
import { makeTokenStatusList } from './makeTokenStatusList.js'

/**
 * What `decodeTokenStatusList` does, kept apart from the public module so that a status checker
 * loads it (and the inflater) on its first token list.
 *
 * @throws the codes of `decodeTokenStatusList`.
 */
export function decodeZlibList(
  statusList: unknown,
  options: DecodeTokenStatusListOptions = {},
): DecodeTokenStatusListResult {
  const limits = inflateLimits(options)
  if (typeof statusList !== 'object' || statusList === null || Array.isArray(statusList)) {
    throw invalid('expected an object { bits, lst }')
  }
  const { bits, lst } = statusList as { bits?: unknown; lst?: unknown }
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) {
    throw invalid(`bits must be 1, 2, 4 or 8, got ${String(bits).slice(0, 16)}`)
  }
  if (typeof lst !== 'string' || lst.length === 0) throw invalid('lst must be a non-empty string')
  const bytes = inflateBase64url(
    lst,
    { framing: 'zlib', limits, name: 'lst', label: 'status_list.lst' },
    inflateCapped,
  )
  if (bytes.length === 0) throw invalid('the list has no entries')
  return makeTokenStatusList(bytes, bits)
}

function invalid(what: string): CivitasError {
  return new CivitasError('ERR_STATUS_LIST_INVALID', `status_list: ${what}`)
}
