import type { JsonObject } from '@civitas/core'
import { decodeJws } from '@civitas/crypto'
import { STATUS_LIST_TOKEN_TYP } from '../issueStatusListToken.js'
import { type CachedList, type ListVerification, toCachedList } from './cachedList.js'
import { tokenListKind } from './listKind.js'
import { verifyW3cList } from './verifyW3cList.js'

/**
 * Verifies lists bundled for offline use and keys them as a fetch would cache them: a token list
 * under its `sub` and `iss`, a W3C list under its `id` (one without an `id` is dropped). They are
 * valid until their own validity ends.
 *
 * @throws `ERR_STATUS_LIST_INVALID` for a bundled list that does not verify.
 */
export async function verifyBundledLists(
  tokens: readonly string[],
  verification: ListVerification,
): Promise<Map<string, CachedList>> {
  const lists = new Map<string, CachedList>()
  for (const [position, token] of tokens.entries()) {
    const claims = statusListTokenClaims(token)
    const kind =
      claims === undefined ? undefined : tokenListKind(String(claims.sub), String(claims.iss), verification)
    const verified =
      kind === undefined
        ? await verifyW3cList(token, `bundled #${position}`, verification)
        : await kind.verify(token)
    const key =
      kind?.key ?? (typeof verified.credential?.id === 'string' ? verified.credential.id : undefined)
    if (key !== undefined) {
      const until = verified.validUntil ?? Number.POSITIVE_INFINITY
      lists.set(
        key,
        toCachedList(verified, { fetchedAt: verification.clock(), expiresAt: until, validUntil: until }),
      )
    }
  }
  return lists
}

/** The unverified claims of a `statuslist+jwt`, or `undefined` for any other token. */
function statusListTokenClaims(token: string): JsonObject | undefined {
  try {
    const { header, payload } = decodeJws(token)
    return header.typ === STATUS_LIST_TOKEN_TYP ? payload : undefined
  } catch {
    return undefined
  }
}
