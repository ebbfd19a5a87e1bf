import type { ListVerification, VerifiedList } from './cachedList.js'

/**
 * Verifies a status list token for the credential's `uri` and `issuer` and keeps its list, its
 * `exp` and its `ttl`. The token list code (and its inflater) loads with the first token list.
 *
 * @throws `ERR_STATUS_LIST_INVALID`, the reason in `details.reason`.
 */
export async function verifyTokenList(
  token: string,
  uri: string,
  issuer: string,
  { resolver, clock, maxLength }: ListVerification,
): Promise<VerifiedList> {
  const { verifyListToken } = await import('./verifyListToken.js')
  const verified = await verifyListToken(token, { resolver, uri, issuer, clock, maxLength })
  return {
    tokenList: verified.list,
    ...(verified.expiresAt === undefined ? {} : { validUntil: verified.expiresAt }),
    ...(verified.ttlMs === undefined ? {} : { ttlMs: verified.ttlMs }),
  }
}
