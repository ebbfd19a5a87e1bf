import { CivitasError, type JsonObject, type PublicJwk, readNumericDate } from '@civitas/core'
import { importPublicJwk } from '@civitas/crypto'
import type { CredentialClaims } from '../readCredential.js'

/** Claims of an SD-JWT VC that must never be selectively disclosable (SD-JWT VC §3.2.2.2). */
export const SD_JWT_VC_RESERVED: ReadonlySet<string> = new Set(['iss', 'nbf', 'exp', 'cnf', 'vct', 'status'])

/** The `typ` of an SD-JWT VC, and the older one accepted only when asked. */
export const SD_JWT_VC_TYP = 'dc+sd-jwt'
export const LEGACY_SD_JWT_VC_TYP = 'vc+sd-jwt'

/**
 * Reads what verification needs from an SD-JWT VC's processed payload: `iss`, `vct`, `sub`,
 * `jti`, the times, and the holder's key from `cnf.jwk`.
 *
 * @throws `ERR_CREDENTIAL_INVALID` for a missing `iss` or `vct` or malformed members;
 *   `ERR_TOKEN_TIME_OUT_OF_RANGE` for a time beyond any date;
 *   `ERR_JWK_INVALID` / `ERR_JWK_PRIVATE_MATERIAL` for a bad `cnf.jwk`.
 */
export function readSdJwtVc(payload: JsonObject): CredentialClaims & { holderKey?: PublicJwk } {
  const { iss, vct, sub, jti, cnf } = payload
  if (typeof iss !== 'string' || iss.length === 0) invalid('an SD-JWT VC needs an iss claim')
  if (typeof vct !== 'string' || vct.length === 0) invalid('an SD-JWT VC needs a vct claim')
  if (sub !== undefined && typeof sub !== 'string') invalid('sub must be a string')
  let holderKey: PublicJwk | undefined
  if (cnf !== undefined) {
    if (typeof cnf !== 'object' || cnf === null || Array.isArray(cnf) || cnf.jwk === undefined) {
      invalid('cnf must be an object with a jwk')
    }
    holderKey = importPublicJwk(cnf.jwk)
  }
  return {
    credential: payload,
    issuer: iss,
    subjects: sub === undefined ? [] : [sub],
    types: [vct],
    ...(typeof jti === 'string' ? { id: jti } : {}),
    ...seconds(payload, 'iat', 'issuedAt'),
    ...seconds(payload, 'nbf', 'notBefore'),
    ...seconds(payload, 'exp', 'expires'),
    ...(holderKey === undefined ? {} : { holderKey }),
  }
}

function seconds(payload: JsonObject, claim: string, name: string): Record<string, number> {
  const value = payload[claim]
  if (value === undefined) return {}
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`${claim} must be a NumericDate`)
  return { [name]: readNumericDate(value, claim) }
}

function invalid(message: string): never {
  throw new CivitasError('ERR_CREDENTIAL_INVALID', message)
}
