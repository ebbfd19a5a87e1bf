import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import { type DecodeStatusListOptions, decodeStatusList } from './decodeStatusList.js'
import { assertStatusSize } from './internal/bits.js'
import { readListCredential } from './internal/readListCredential.js'
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
  const entry = options?.entry as Record<string, unknown> | null
  const bad = (what: string) => new CivitasError('ERR_CREDENTIAL_INVALID', `credentialStatus: ${what}`)
  if (typeof entry !== 'object' || entry === null || entry.type !== 'BitstringStatusListEntry') {
    throw bad('expected a BitstringStatusListEntry')
  }
  const { statusPurpose, statusListIndex, statusListCredential } = entry
  if (statusPurpose !== 'revocation' && statusPurpose !== 'suspension' && statusPurpose !== 'message') {
    throw bad('statusPurpose must be revocation, suspension or message')
  }
  if (typeof statusListIndex !== 'string' || !/^(0|[1-9][0-9]{0,9})$/.test(statusListIndex)) {
    throw bad('statusListIndex must be a decimal string')
  }
  if (typeof statusListCredential !== 'string' || statusListCredential === '') {
    throw bad('statusListCredential must be a URL')
  }
  let statusSize: 1 | 2 | 4 | 8
  try {
    statusSize = assertStatusSize(entry.statusSize ?? 1)
  } catch {
    throw bad('statusSize must be 1, 2, 4 or 8')
  }
  const list = readListCredential(options.listCredential, statusListCredential, statusPurpose, options.issuer)
  const decodeOptions =
    options.minimumLength === undefined
      ? { statusSize }
      : { statusSize, minimumLength: options.minimumLength }
  const index = Number(statusListIndex)
  const status = (options.decode ?? decodeStatusList)(list.encodedList, decodeOptions).get(index)
  const result: CheckStatusResult = { ok: true, purpose: statusPurpose, index, status }
  if (status !== 0 && statusPurpose === 'revocation')
    return { ...result, ok: false, code: 'ERR_CREDENTIAL_REVOKED' }
  if (status !== 0 && statusPurpose === 'suspension')
    return { ...result, ok: false, code: 'ERR_CREDENTIAL_SUSPENDED' }
  if (statusPurpose === 'message' && Array.isArray(entry.statusMessage)) {
    const found = (entry.statusMessage as { status?: unknown; message?: unknown }[]).find(
      (m) => typeof m?.status === 'string' && Number.parseInt(m.status, 16) === status,
    )
    if (typeof found?.message === 'string') result.message = found.message
  }
  return result
}
