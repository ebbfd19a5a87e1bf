import type { VerifiedCredential } from '@civitas/credentials'
import type { CheckExpectations } from '../types.js'
import type { VerifierSetting } from './types.js'

/**
 * Checks the credential's status lists with the verifier's status checker. A list that could not be
 * fetched but was accepted by policy (`onUnavailable: 'accept'`) passes with a note saying so.
 *
 * @returns the note for the report, or `undefined` when every list answered.
 * @throws the status checker's codes (`ERR_CREDENTIAL_REVOKED`, `ERR_STATUS_*`, …).
 */
export async function checkStatusNote(
  credential: VerifiedCredential,
  expectations: CheckExpectations,
  status: VerifierSetting['status'],
): Promise<string | undefined> {
  const { statusMaxAgeMs } = expectations
  const { unavailable } = await status.check(
    credential,
    statusMaxAgeMs === undefined ? {} : { maxAgeMs: statusMaxAgeMs },
  )
  return unavailable.length === 0
    ? undefined
    : `status list unreachable, accepted by policy: ${unavailable.join(', ')}`
}
