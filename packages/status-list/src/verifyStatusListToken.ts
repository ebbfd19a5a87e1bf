import { CivitasError, type Clock, isCivitasError, type JsonObject, systemClock } from '@civitas/core'
import { DEFAULT_JWS_MAX_LENGTH, decodeJws, verifyJws } from '@civitas/crypto'
import { type Resolvable, resolveVerificationKey } from '@civitas/did'
import { decodeTokenStatusList } from './decodeTokenStatusList.js'
import { STATUS_LIST_TOKEN_TYP } from './issueStatusListToken.js'
import type { TokenStatusList } from './types.js'

const ACCEPTED_ALGORITHMS: ReadonlySet<string> = new Set(['EdDSA', 'ES256', 'ES256K'])

/** Options of {@link verifyStatusListToken}. */
export interface VerifyStatusListTokenOptions {
  /** Resolves the issuer's DID to find the signing key. */
  resolver: Resolvable
  /** The URI the credential names (`status.status_list.uri`); the token's `sub` must equal it. */
  uri: string
  /** The credential's issuer; the token's `iss` must equal it and its key must be one of that DID's. */
  issuer: string
  /** Time source (default the system clock). */
  clock?: Clock
  /** Tolerated clock difference in milliseconds (default 60,000, at most 300,000). */
  clockSkewMs?: number
  /** Longest token accepted, in characters (default 1 MiB). */
  maxLength?: number
  /** Cap on the inflated list; default 16 MB. */
  maxInflatedBytes?: number
}

/** A verified status list token. */
export interface VerifyStatusListTokenResult {
  list: TokenStatusList
  /** The issuer's DID (`iss`). */
  issuer: string
  /** The DID URL of the key that signed. */
  kid: string
  /** `sub`: the list's URI. */
  uri: string
  /** `iat` in milliseconds since the epoch. */
  issuedAt: number
  /** `exp` in milliseconds since the epoch, when the token has one. */
  expiresAt?: number
  /** `ttl` in milliseconds, when the token has one. */
  ttlMs?: number
}

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
  const skew = options.clockSkewMs ?? 60_000
  if (!Number.isFinite(skew) || skew < 0 || skew > 300_000) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'clockSkewMs: expected 0 to 300000 milliseconds')
  }
  try {
    return await verify(token, options, skew)
  } catch (cause) {
    const reason = isCivitasError(cause) ? cause.code : 'ERR_STATUS_LIST_INVALID'
    const message = isCivitasError(cause) ? cause.message : 'unreadable'
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      `status list token ${String(options.uri).slice(0, 200)} does not verify: ${message}`,
      { details: { uri: String(options.uri).slice(0, 500), reason }, cause },
    )
  }
}

async function verify(
  token: string,
  options: VerifyStatusListTokenOptions,
  skew: number,
): Promise<VerifyStatusListTokenResult> {
  const decoded = decodeJws(token, { maxLength: options.maxLength ?? DEFAULT_JWS_MAX_LENGTH })
  const { header, payload } = decoded
  if (header.typ !== STATUS_LIST_TOKEN_TYP) {
    throw new CivitasError('ERR_TOKEN_TYPE_INVALID', `typ must be ${STATUS_LIST_TOKEN_TYP}`, {
      details: { typ: String(header.typ).slice(0, 40) },
    })
  }
  // The algorithm is refused before any key is resolved (none, HMAC, RSA, anything unknown).
  if (!ACCEPTED_ALGORITHMS.has(header.alg)) {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `algorithm ${header.alg.slice(0, 32)} is not accepted`,
    )
  }
  if (payload.iss !== options.issuer) {
    throw new CivitasError('ERR_ISSUER_MISMATCH', "the list's iss is not the credential's issuer", {
      details: { expected: options.issuer.slice(0, 200), actual: String(payload.iss).slice(0, 200) },
    })
  }
  const kid =
    typeof header.kid === 'string' && header.kid.startsWith('#')
      ? `${options.issuer}${header.kid}`
      : header.kid
  if (typeof kid !== 'string' || !kid.startsWith(`${options.issuer}#`)) {
    throw new CivitasError('ERR_ISSUER_MISMATCH', "kid must name a key of the credential's issuer")
  }
  const signed = { alg: header.alg, data: decoded.signingInput, signature: decoded.signature }
  const { publicJwk } = await resolveVerificationKey({
    resolver: options.resolver,
    kid,
    did: options.issuer,
    relationship: 'assertionMethod',
    signed,
  })
  await verifyJws(decoded, { publicJwk })
  if (payload.sub !== options.uri) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', 'sub is not the uri the credential names', {
      details: { expected: options.uri.slice(0, 200), actual: String(payload.sub).slice(0, 200) },
    })
  }
  const now = (options.clock ?? systemClock)()
  const issuedAt = seconds(payload, 'iat', true) as number
  const expiresAt = seconds(payload, 'exp', false)
  if (issuedAt > now + skew) {
    throw new CivitasError('ERR_TOKEN_ISSUED_IN_FUTURE', 'the status list token is issued in the future')
  }
  if (expiresAt !== undefined && now >= expiresAt + skew) {
    throw new CivitasError('ERR_CREDENTIAL_EXPIRED', 'the status list token has expired', {
      details: { expiredAt: new Date(expiresAt).toISOString() },
    })
  }
  const { ttl } = payload
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || (ttl as number) < 0)) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', 'ttl must be a non-negative integer (seconds)')
  }
  const list = decodeTokenStatusList(
    payload.status_list,
    options.maxInflatedBytes === undefined ? {} : { maxInflatedBytes: options.maxInflatedBytes },
  )
  return {
    list,
    issuer: options.issuer,
    kid,
    uri: options.uri,
    issuedAt,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(ttl === undefined ? {} : { ttlMs: (ttl as number) * 1000 }),
  }
}

function seconds(payload: JsonObject, claim: 'iat' | 'exp', required: boolean): number | undefined {
  const value = payload[claim]
  if (value === undefined && !required) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new CivitasError('ERR_STATUS_LIST_INVALID', `${claim} must be a NumericDate`)
  }
  return value * 1000
}
