import { decodeStatusList } from './decodeStatusList.js'
import { checkListEntry } from './internal/checkListEntry.js'
import type { CheckStatusOptions, CheckStatusResult } from './types.js'

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
