import { CivitasError, isCivitasError, type JsonObject, readNumericDate, systemClock } from '@civitas/core'
import { DEFAULT_JWS_MAX_LENGTH, decodeJws, verifyJws } from '@civitas/crypto'
import { resolveVerificationKey } from '@civitas/did'
import { STATUS_LIST_TOKEN_TYP } from '../issueStatusListToken.js'
import type { VerifyStatusListTokenOptions, VerifyStatusListTokenResult } from '../types.js'
import { decodeZlibList } from './decodeZlibList.js'

const ACCEPTED_ALGORITHMS: ReadonlySet<string> = new Set(['EdDSA', 'ES256', 'ES256K'])

/**
 * What `verifyStatusListToken` does, kept apart from the public module so that a status checker
 * loads it (and the inflater) on its first token list.
 *
 * @throws the codes of `verifyStatusListToken`.
 */
export async function verifyListToken(
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
  const list = decodeZlibList(
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
  return readNumericDate(value, claim)
}
