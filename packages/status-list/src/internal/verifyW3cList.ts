import { CivitasError, isCivitasError, type JsonObject } from '@civitas/core'
import { verifyCredential } from '@civitas/credentials'
import type { ListVerification, VerifiedList } from './cachedList.js'

/**
 * Verifies a W3C status list credential (signature, issuer key, validity; at most `maxLength`
 * characters) and reads its `ttl`;
 * `source` names it in errors (its URL, or its place in the bundle).
 *
 * @throws `ERR_STATUS_LIST_INVALID`, the credential's own code as `details.reason` and `cause`.
 */
export async function verifyW3cList(
  token: string,
  source: string,
  { resolver, clock, maxLength }: ListVerification,
): Promise<VerifiedList> {
  try {
    // The response cap bounds a list credential, as it bounds a list token: a city's list (ten million
    // entries, some set) outgrows the cap on ordinary credentials.
    const verified = await verifyCredential(token, { resolver, clock, maxLength })
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
