import { CivitasError } from '@civitas/core'
import type { CheckStatusOptions, CheckStatusResult } from '../types.js'
import { assertStatusSize } from './bits.js'
import { readListCredential } from './readListCredential.js'

/**
 * What `checkStatus` does, with the bitstring decoder required, so that a status checker can pass
 * a decoder whose inflater it loads on first use.
 *
 * @throws the codes of `checkStatus`.
 */
export function checkListEntry(
  options: CheckStatusOptions & { decode: NonNullable<CheckStatusOptions['decode']> },
): CheckStatusResult {
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
  const status = options.decode(list.encodedList, decodeOptions).get(index)
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
