import { verifyListToken } from './internal/verifyListToken.js'
import type { VerifyStatusListTokenOptions, VerifyStatusListTokenResult } from './types.js'

/**
 * Verifies a status list token: `typ: statuslist+jwt`; an accepted algorithm matching the key; a
 * signature by a key of `issuer` under `assertionMethod`, named by `kid`; `iss` equal to `issuer`
 * and `sub` equal to `uri`; `iat` not in the future and `exp` not past (with the clock skew); a
 * non-negative integer `ttl`; and a `status_list` that decodes within its caps.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §5.1, §8.3 (Validation Rules)
 * @throws `ERR_STATUS_LIST_INVALID` for any failed check; `details.reason` names the underlying code
 *   (e.g. `ERR_TOKEN_TYPE_INVALID`, `ERR_SIGNATURE_INVALID`, `ERR_ISSUER_MISMATCH`, `ERR_CREDENTIAL_EXPIRED`)
 * @throws `ERR_INVALID_ARGUMENT` for a clock skew outside 0..300,000 ms
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { verifyStatusListToken } from '@civitas/status-list'
 *
 * declare const token: string
 * const { list } = await verifyStatusListToken(token, {
 *   resolver: createResolver(),
 *   uri: 'https://clinic.example/status/1',
 *   issuer: 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169',
 * })
 * console.log(list.get(4711)) // 0 VALID, 1 INVALID, 2 SUSPENDED
 * ```
 */
export async function verifyStatusListToken(
  token: string,
  options: VerifyStatusListTokenOptions,
): Promise<VerifyStatusListTokenResult> {
  return verifyListToken(token, options)
}
