import { STATUS_LIST_TOKEN_TYP } from '../issueStatusListToken.js'
import type { CachedList, ListVerification, VerifiedList } from './cachedList.js'
import { verifyTokenList } from './verifyTokenList.js'
import { verifyW3cList } from './verifyW3cList.js'

/** A kind of list: where it is cached, how it is asked for and how a fetched token is verified. */
export interface ListKind {
  /** The cache key. */
  key: string
  url: string
  /** The `Accept` header of its fetch. */
  accept: string
  verify(token: string): Promise<VerifiedList>
}

/** Gets the list of a kind; `undefined` when it is out of reach and policy lets that pass. */
export type ListLookup = (kind: ListKind) => Promise<CachedList | undefined>

/** A W3C status list credential at `url`, cached by its URL. */
export function w3cListKind(url: string, verification: ListVerification): ListKind {
  return {
    key: url,
    url,
    accept: 'application/vc+jwt, application/jwt',
    verify: (token) => verifyW3cList(token, url, verification),
  }
}

/**
 * A status list token at `url` for a credential of `issuer`. Token lists are verified against the
 * credential's issuer, so they are cached per issuer.
 */
export function tokenListKind(url: string, issuer: string, verification: ListVerification): ListKind {
  return {
    key: `${STATUS_LIST_TOKEN_TYP} ${issuer} ${url}`,
    url,
    accept: 'application/statuslist+jwt',
    verify: (token) => verifyTokenList(token, url, issuer, verification),
  }
}
