import { CivitasError, isCivitasError, type JsonObject } from '@civitas/core'
import { decodeJws } from '@civitas/crypto'
import { STATUS_LIST_TOKEN_TYP } from '../issueStatusListToken.js'
import type { CheckStatusOptions, CheckStatusResult, StatusList, TokenStatusList } from '../types.js'
import { checkListEntry } from './checkListEntry.js'
import { decodeGzipList } from './decodeGzipList.js'
import type { inflateCapped } from './inflateCapped.js'

/** A verified list in the status checker's cache. */
export interface CachedList {
  /** A W3C list: the verified status list credential. */
  credential?: JsonObject
  /** A token list: the verified list. */
  tokenList?: TokenStatusList
  /** Decoded bitstrings by status size, so a cached list is inflated once. */
  decoded: Map<number, StatusList>
  fetchedAt: number
  expiresAt: number
  validUntil: number
  etag?: string
}

/**
 * Checks one `BitstringStatusListEntry` against its cached W3C list, decoding the bitstring once
 * per status size with `inflate` (loaded by the checker on its first W3C list).
 *
 * @throws the codes of {@link checkStatus}, a list of another issuer as `ERR_STATUS_LIST_INVALID`,
 *   and `ERR_CREDENTIAL_REVOKED` / `ERR_CREDENTIAL_SUSPENDED` for a set entry.
 */
export function checkEntry(
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

export function statusEntries(value: unknown): JsonObject[] {
  if (value === undefined) return []
  const entries = Array.isArray(value) ? value : [value]
  if (
    entries.length > 16 ||
    entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
  ) {
    throw new CivitasError(
      'ERR_CREDENTIAL_INVALID',
      'credentialStatus: expected up to 16 status entry objects',
    )
  }
  return entries as JsonObject[]
}

/** The list members of a verification result, for a cache entry. */
export function listOf(verified: { credential?: JsonObject; tokenList?: TokenStatusList }) {
  return {
    ...(verified.credential === undefined ? {} : { credential: verified.credential }),
    ...(verified.tokenList === undefined ? {} : { tokenList: verified.tokenList }),
  }
}

/** The unverified claims of a `statuslist+jwt`, or `undefined` for any other token. */
export function statusListTokenClaims(token: string): JsonObject | undefined {
  try {
    const { header, payload } = decodeJws(token)
    return header.typ === STATUS_LIST_TOKEN_TYP ? payload : undefined
  } catch {
    return undefined
  }
}
