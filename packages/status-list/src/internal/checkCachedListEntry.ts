import { CivitasError, isCivitasError, type JsonObject } from '@civitas/core'
import type { CheckStatusOptions, CheckStatusResult } from '../types.js'
import type { CachedList } from './cachedList.js'
import { checkListEntry } from './checkListEntry.js'
import { decodeGzipList } from './decodeGzipList.js'
import type { inflateCapped } from './inflateCapped.js'

/**
 * Reads one `BitstringStatusListEntry`'s status bits from its cached W3C list, decoding the
 * bitstring once per status size with `inflate` (loaded on the first W3C list).
 *
 * @throws the codes of `checkStatus`, a list of another issuer as `ERR_STATUS_LIST_INVALID`,
 *   and `ERR_CREDENTIAL_REVOKED` / `ERR_CREDENTIAL_SUSPENDED` for a set entry.
 */
export function checkCachedListEntry(
  entry: JsonObject,
  list: CachedList,
  issuer: string,
  url: string,
  inflate: typeof inflateCapped,
): CheckStatusResult {
  const decode: CheckStatusOptions['decode'] = (encodedList, options) => {
    const size = options.statusSize ?? 1
    const known = list.decoded.get(size)
    if (known !== undefined) return known
    const decoded = decodeGzipList(encodedList, options, inflate)
    list.decoded.set(size, decoded)
    return decoded
  }
  let checked: CheckStatusResult
  try {
    checked = checkListEntry({ entry, listCredential: list.credential ?? {}, issuer, decode })
  } catch (error) {
    if (isCivitasError(error) && error.code === 'ERR_ISSUER_MISMATCH') {
      throw new CivitasError(
        'ERR_STATUS_LIST_INVALID',
        `status list ${url.slice(0, 200)} was signed by another issuer than the credential's`,
        {
          details: { ...error.details, statusListCredential: url.slice(0, 500) },
          cause: error,
        },
      )
    }
    throw error
  }
  if (checked.code !== undefined) {
    const what = checked.code === 'ERR_CREDENTIAL_REVOKED' ? 'revoked' : 'suspended'
    throw new CivitasError(checked.code, `the issuer has ${what} this credential`, {
      details: { purpose: checked.purpose, index: checked.index, statusListCredential: url.slice(0, 500) },
    })
  }
  return checked
}
