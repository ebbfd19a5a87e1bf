import { CivitasError, type JsonObject, type JsonValue } from '@civitas/core'
import type { CredentialFormat } from '../types.js'
import { copyJwtTimes, type JwtTimes } from './copyJwtTimes.js'
import { readDateTimeStamp } from './readDateTimeStamp.js'

/** The context a VC 2.0 credential's `@context` must begin with. */
const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'

/** What verification needs from a credential token's claims, in one shape for both encodings. */
export interface CredentialClaims extends JwtTimes {
  credential: JsonObject
  issuer: string
  subjects: string[]
  types: string[]
  id?: string
  validFrom?: number
  validUntil?: number
}

/**
 * Reads a credential's claims: for `vc+jwt` the claims set is the credential; for `jwt_vc_json`
 * the `vc` claim with `iss`, `sub`, `jti`, `nbf` and `exp` folded in (as did-jwt-vc does).
 *
 * @throws `ERR_CREDENTIAL_INVALID` for missing or malformed members; `ERR_ISSUER_MISMATCH` when
 *   `iss` and the credential's issuer disagree; `ERR_SUBJECT_MISMATCH` when `sub` and
 *   `credentialSubject.id` do; `ERR_TOKEN_TIME_OUT_OF_RANGE` for a time beyond any date.
 */
export function readCredential(format: CredentialFormat, payload: JsonObject): CredentialClaims {
  // Times first: the VC 1.1 fold writes nbf and exp as dates, which only times in range can be.
  const times: JwtTimes = {}
  copyJwtTimes(payload, times, invalid)
  const credential = format === 'vc+jwt' ? payload : foldJwtClaims(payload, times)
  const context = credential['@context']
  if (format === 'vc+jwt' && (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT)) {
    invalid(`@context must be an array beginning with ${VC_V2_CONTEXT}`)
  }
  const issuer = idOf(credential.issuer, 'issuer')
  if (payload.iss !== undefined && payload.iss !== issuer) {
    throw new CivitasError('ERR_ISSUER_MISMATCH', 'iss and the credential issuer differ')
  }
  const types = credential.type
  if (
    !Array.isArray(types) ||
    !types.every((type) => typeof type === 'string') ||
    !types.includes('VerifiableCredential')
  ) {
    invalid('type must be an array of strings including VerifiableCredential')
  }
  const claims: CredentialClaims = {
    credential,
    issuer,
    subjects: subjectIds(credential.credentialSubject),
    types: types as string[],
    ...times,
  }
  if (typeof credential.id === 'string') claims.id = credential.id
  // A jwt_vc_json's nbf and exp are its dates (folded in above); only without them are the strings read.
  const validFrom =
    format === 'vc+jwt'
      ? date(credential, 'validFrom')
      : (times.notBefore ?? date(credential, 'issuanceDate'))
  if (validFrom !== undefined) claims.validFrom = validFrom
  const validUntil =
    format === 'vc+jwt'
      ? date(credential, 'validUntil')
      : (times.expires ?? date(credential, 'expirationDate'))
  if (validUntil !== undefined) claims.validUntil = validUntil
  return claims
}

function foldJwtClaims(payload: JsonObject, times: JwtTimes): JsonObject {
  const vc = payload.vc as JsonObject
  const credential: JsonObject = { ...vc }
  if (typeof payload.iss !== 'string') invalid('a jwt_vc_json credential needs an iss claim')
  credential.issuer =
    typeof vc.issuer === 'object' && vc.issuer !== null ? { ...vc.issuer, id: payload.iss } : payload.iss
  if (vc.issuer !== undefined && idOf(vc.issuer, 'vc.issuer') !== payload.iss) {
    throw new CivitasError('ERR_ISSUER_MISMATCH', 'iss and vc.issuer differ')
  }
  if (typeof payload.jti === 'string') credential.id = payload.jti
  if (typeof payload.sub === 'string') {
    const subject = vc.credentialSubject
    if (typeof subject !== 'object' || subject === null || Array.isArray(subject))
      invalid('credentialSubject must be an object')
    // sub names the subject only when the credential does not already name another (RULES: they agree).
    if (subject.id !== undefined && subject.id !== payload.sub) {
      throw new CivitasError('ERR_SUBJECT_MISMATCH', 'sub and credentialSubject.id name different subjects')
    }
    credential.credentialSubject = { ...subject, id: payload.sub }
  }
  if (times.notBefore !== undefined) credential.issuanceDate = new Date(times.notBefore).toISOString()
  if (times.expires !== undefined) credential.expirationDate = new Date(times.expires).toISOString()
  return credential
}

function subjectIds(subject: JsonValue | undefined): string[] {
  const subjects = Array.isArray(subject) ? subject : [subject]
  if (subjects.length === 0) invalid('credentialSubject is required')
  const ids: string[] = []
  for (const entry of subjects) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      invalid('credentialSubject must be an object')
    if (entry.id !== undefined) {
      if (typeof entry.id !== 'string') invalid('credentialSubject.id must be a string')
      ids.push(entry.id)
    }
  }
  return ids
}

/** The id of an `issuer` or `holder` value: a string, or an object with a string `id`. */
export function idOf(value: JsonValue | undefined, name: string): string {
  if (typeof value === 'string' && value.length > 0) return value
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.id === 'string')
    return value.id
  invalid(`${name} must be a DID or an object with an id`)
}

function date(credential: JsonObject, name: string): number | undefined {
  const value = credential[name]
  if (value === undefined) return undefined
  const time = typeof value === 'string' ? readDateTimeStamp(value) : undefined
  if (time === undefined) invalid(`${name} must be an XML Schema dateTimeStamp (date, time and offset)`)
  return time
}

function invalid(message: string): never {
  throw new CivitasError('ERR_CREDENTIAL_INVALID', message)
}
