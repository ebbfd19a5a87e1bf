import { CivitasError, type Clock, type JsonObject, systemClock } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import type { TokenStatusList } from './types.js'

/** The `typ` of a status list token (draft-ietf-oauth-status-list §5.1). */
export const STATUS_LIST_TOKEN_TYP = 'statuslist+jwt'

/** Options of {@link issueStatusListToken}. */
export interface IssueStatusListTokenOptions {
  /** Signs the token; its DID goes into `iss` and its `kid` (under `assertionMethod`) into the header. */
  issuer: Identity
  /** Where the token is published: its `sub`, the `uri` credentials name in `status.status_list`. */
  uri: string
  /** The list to publish. */
  list: TokenStatusList
  /** How long verifiers may cache the token, in milliseconds; sent as `ttl` in whole seconds (default 5 minutes). */
  ttlMs?: number
  /** How long the token is valid, in milliseconds: `exp` = `iat` + this (default 1 day). */
  validForMs?: number
  /** Time source (default the system clock). */
  clock?: Clock
}

/** A signed status list token. */
export interface IssueStatusListTokenResult {
  token: string
  /** The signed claims (`iss`, `sub`, `iat`, `exp`, `ttl`, `status_list`). */
  claims: JsonObject
}

/**
 * Signs a Token Status List as a JWT: header `typ: statuslist+jwt` and the issuer's `kid`; claims
 * `iss`, `sub` (the list's URI), `iat`, `exp`, `ttl` (seconds) and `status_list: { bits, lst }`.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ §5.1 (Status List Token in JWT Format)
 * @throws `ERR_INVALID_ARGUMENT` for a `uri` that is not an http(s) URL or durations that are not
 *   positive; the signer's errors
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidKey } from '@civitas/did/key'
 * import { createTokenStatusList, issueStatusListToken } from '@civitas/status-list'
 *
 * const clinic = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
 * const list = createTokenStatusList({ bits: 2 })
 * list.set(4711, 1)
 * const { token } = await issueStatusListToken({ issuer: clinic, uri: 'https://clinic.example/status/1', list })
 * ```
 */
export async function issueStatusListToken(
  options: IssueStatusListTokenOptions,
): Promise<IssueStatusListTokenResult> {
  const { issuer, uri, list, clock = systemClock } = options
  if (!isHttpUrl(uri)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'uri: expected an http(s) URL, the list\'s "sub"')
  }
  const ttlMs = positive(options.ttlMs ?? 5 * 60_000, 'ttlMs')
  const validForMs = positive(options.validForMs ?? 24 * 3600_000, 'validForMs')
  const iat = Math.floor(clock() / 1000)
  const claims: JsonObject = {
    iss: issuer.did,
    sub: uri,
    iat,
    exp: iat + Math.ceil(validForMs / 1000),
    ttl: Math.ceil(ttlMs / 1000),
    status_list: { ...list.encode() },
  }
  const token = await signJws({
    header: { typ: STATUS_LIST_TOKEN_TYP, kid: issuer.kid },
    payload: claims,
    signer: issuer.signer,
  })
  return { token, claims }
}

function isHttpUrl(value: unknown): boolean {
  try {
    const { protocol } = new URL(String(value))
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

function positive(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a positive number of milliseconds`)
  }
  return value
}
