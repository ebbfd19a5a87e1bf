import type { JsonObject } from '@civitas/core'
import type { CheckStatusResult } from '../types.js'
import type { ListVerification } from './cachedList.js'
import { type ListLookup, tokenListKind } from './listKind.js'
import { checkTokenStatus, readTokenStatusReference } from './tokenStatusEntry.js'

/**
 * Checks an SD-JWT VC's `status.status_list` claim against its status list token: no result
 * without the claim or when the list is let pass unreachable, else the one entry's result.
 *
 * @throws `ERR_CREDENTIAL_INVALID` for a malformed claim, the list's codes from `lookup`, and the
 *   codes of a status other than VALID.
 */
export async function checkTokenStatusClaim(
  credential: { issuer: string; credential: JsonObject },
  lookup: ListLookup,
  verification: ListVerification,
): Promise<CheckStatusResult[]> {
  const reference = readTokenStatusReference(credential.credential)
  if (reference === undefined) return []
  const list = await lookup(tokenListKind(reference.uri, credential.issuer, verification))
  return list?.tokenList === undefined ? [] : [checkTokenStatus(reference, list.tokenList)]
}
