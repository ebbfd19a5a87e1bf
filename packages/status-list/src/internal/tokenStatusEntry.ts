import { CivitasError, type JsonObject } from '@civitas/core'
import type { CheckStatusResult, TokenStatusList } from '../types.js'

/** The `status.status_list` reference of an SD-JWT VC. */
export interface TokenStatusReference {
  idx: number
  uri: string
}

/**
 * Reads an SD-JWT VC's `status` claim: `undefined` without one, else its `status_list` reference.
 * Civitas knows no other status mechanism, so a `status` without `status_list` fails closed.
 *
 * @throws `ERR_CREDENTIAL_INVALID` for a malformed `status` claim.
 */
export function readTokenStatusReference(credential: JsonObject): TokenStatusReference | undefined {
  const { status } = credential
  if (status === undefined) return undefined
  const statusList =
    typeof status === 'object' && status !== null && !Array.isArray(status) ? status.status_list : undefined
  if (typeof statusList !== 'object' || statusList === null || Array.isArray(statusList)) {
    throw new CivitasError('ERR_CREDENTIAL_INVALID', 'status: expected { status_list: { idx, uri } }')
  }
  const { idx, uri } = statusList
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) {
    throw new CivitasError(
      'ERR_CREDENTIAL_INVALID',
      'status.status_list.idx: expected a non-negative integer',
    )
  }
  if (typeof uri !== 'string' || uri === '') {
    throw new CivitasError('ERR_CREDENTIAL_INVALID', 'status.status_list.uri: expected a URL')
  }
  return { idx, uri }
}

/**
 * Reads the entry a reference names and maps the status type: 0x00 VALID passes, 0x01 INVALID is
 * `ERR_CREDENTIAL_REVOKED`, 0x02 SUSPENDED is `ERR_CREDENTIAL_SUSPENDED`, anything else
 * (application-specific) is `ERR_CREDENTIAL_STATUS_UNKNOWN`.
 *
 * @throws `ERR_STATUS_INDEX_OUT_OF_RANGE`, or the code of a status other than VALID.
 */
export function checkTokenStatus(reference: TokenStatusReference, list: TokenStatusList): CheckStatusResult {
  const status = list.get(reference.idx)
  const purpose = status === 2 ? 'suspension' : 'revocation'
  if (status === 0) return { ok: true, purpose, index: reference.idx, status }
  const details = { purpose, index: reference.idx, status, statusListUri: reference.uri.slice(0, 500) }
  if (status === 1) {
    throw new CivitasError('ERR_CREDENTIAL_REVOKED', 'the issuer has revoked this credential', { details })
  }
  if (status === 2) {
    throw new CivitasError('ERR_CREDENTIAL_SUSPENDED', 'the issuer has suspended this credential', {
      details,
    })
  }
  throw new CivitasError(
    'ERR_CREDENTIAL_STATUS_UNKNOWN',
    `the status list gives status 0x${status.toString(16).padStart(2, '0')}, which is not VALID`,
    { details },
  )
}
