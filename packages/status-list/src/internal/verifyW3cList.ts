import { CivitasError, isCivitasError, type JsonObject } from '@civitas/core'
import { verifyCredential } from '@civitas/credentials'
import type { ListVerification, VerifiedList } from './cachedList.js'

/**
 * Verifies a W3C status list credential (signature, issuer key, validity) and reads its `ttl`;
 * `source` names it in errors (its URL, or its place in the bundle).
 *
 * @throws `ERR_STATUS_LIST_INVALID`, the credential's own code as `details.reason` and `cause`.
 */
export async function verifyW3cList(
  token: string,
  source: string,
  { resolver, clock }: Pick<ListVerification, 'resolver' | 'clock'>,
): Promise<VerifiedList> {
  try {
    const verified = await verifyCredential(token, { resolver, clock })
    const listTtl = (verified.credential.credentialSubject as JsonObject | undefined)?.ttl
    return {
      credential: verified.credential,
      ...(verified.validUntil === undefined ? {} : { validUntil: verified.validUntil }),
      ...(typeof listTtl === 'number' && listTtl >= 0 ? { ttlMs: listTtl } : {}),
    }
  } catch (cause) {
    const reason = isCivitasError(cause) ? cause.code : 'ERR_CREDENTIAL_INVALID'
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      `status list ${source.slice(0, 200)} does not verify (${reason})`,
      {
        details: { statusListCredential: source.slice(0, 500), reason },
        cause,
      },
    )
  }
}
