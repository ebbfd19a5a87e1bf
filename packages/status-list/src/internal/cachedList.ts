import type { Clock, JsonObject } from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import type { StatusList, TokenStatusList } from '../types.js'

/** A list whose signature, issuer and kind have been verified, and the lifetime it gives itself. */
export interface VerifiedList {
  /** A W3C list: the verified status list credential. */
  credential?: JsonObject
  /** A token list: the verified list. */
  tokenList?: TokenStatusList
  /** The end of the list's own validity (`validUntil` or `exp`), in milliseconds since the epoch. */
  validUntil?: number
  /** The list's own cache hint (`ttl`), in milliseconds. */
  ttlMs?: number
}

/** What verifying a list needs: the issuer's keys, the time and the largest token read. */
export interface ListVerification {
  resolver: Resolvable
  clock: Clock
  /** Longest list token accepted, in characters (the checker's `maxBytes`). */
  maxLength: number
}

/** A verified list in the status checker's cache. */
export interface CachedList {
  /** A W3C list: the verified status list credential. */
  credential?: JsonObject
  /** A token list: the verified list. */
  tokenList?: TokenStatusList
  /** Decoded bitstrings by status size, so a cached list is inflated once. */
  decoded: Map<number, StatusList>
  fetchedAt: number
  expiresAt: number
  validUntil: number
  etag?: string
}

/** When a cache entry was fetched, until when it is served, and its validator. */
export interface CacheTimes {
  fetchedAt: number
  expiresAt: number
  validUntil: number
  etag?: string
}

/** A cache entry for a verified list, with nothing decoded yet. */
export function toCachedList(verified: VerifiedList, times: CacheTimes): CachedList {
  return {
    ...(verified.credential === undefined ? {} : { credential: verified.credential }),
    ...(verified.tokenList === undefined ? {} : { tokenList: verified.tokenList }),
    decoded: new Map(),
    ...times,
  }
}
