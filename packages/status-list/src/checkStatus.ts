import type { CivitasErrorCode } from '@civitas/core'
import { type DecodeStatusListOptions, decodeStatusList } from './decodeStatusList.js'
import { checkListEntry } from './internal/checkListEntry.js'
import type { StatusList, StatusPurpose } from './types.js'

/** Options of {@link checkStatus}. */
export interface CheckStatusOptions {
  /** The credential's `BitstringStatusListEntry` (one element of `credentialStatus`). */
  entry: unknown
  /** The status list credential's claims, fetched and with its signature already verified. */
  listCredential: unknown
  /** The issuer of the credential being checked; the list must come from the same issuer. */
  issuer?: string
  /** Minimum list length; default 131,072. */
  minimumLength?: number
  /** Decodes the list (default {@link decodeStatusList}); a memoized one saves inflating a cached list per check. */
  decode?: (encodedList: string, options: DecodeStatusListOptions) => StatusList
}

/** The outcome of {@link checkStatus}: `ok` is false for a revoked or suspended credential. */
export interface CheckStatusResult {
  ok: boolean
  /** `ERR_CREDENTIAL_REVOKED` or `ERR_CREDENTIAL_SUSPENDED` when `ok` is false. */
  code?: CivitasErrorCode
  purpose: StatusPurpose
  index: number
  /** The entry's value in the list. */
  status: number
  /** For `message` lists: the `statusMessage` entry matching the value, if any. */
  message?: string
}

/**
 * Reads a credential's status from a fetched status list credential: checks the entry's shape, that the list is
 * the one the entry names, from the expected issuer and for the same purpose, then reads the entry's bits.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm
 * @throws ERR_CREDENTIAL_INVALID for a malformed entry
 * @throws ERR_STATUS_LIST_INVALID for a malformed list credential, another list, or a purpose mismatch
 * @throws ERR_ISSUER_MISMATCH when the list's issuer is not `issuer`
 * @throws ERR_STATUS_INDEX_OUT_OF_RANGE when the index lies outside the list
 * @example
 * ```ts
 * import { checkStatus } from '@civitas/status-list'
 *
 * declare const credentialStatus: unknown, listCredential: unknown
 * const result = checkStatus({ entry: credentialStatus, listCredential, issuer: 'did:web:city.example' })
 * if (!result.ok) console.log(result.code) // 'ERR_CREDENTIAL_REVOKED'
 * ```
 */
export function checkStatus(options: CheckStatusOptions): CheckStatusResult {
  return checkListEntry({ ...options, decode: options?.decode ?? decodeStatusList })
}
