import { CivitasError, type JsonObject } from '@civitas/core'
import type { VerifiedCredential } from '@civitas/credentials'
import type { CheckExpectations, TrustPolicy } from '../types.js'

/** Throws `ERR_UNTRUSTED_ISSUER` unless the policy trusts this credential's issuer for one of its types. */
export async function checkTrust(
  credential: VerifiedCredential,
  trust: TrustPolicy | undefined,
): Promise<void> {
  if (trust === 'any') return
  const trusted =
    typeof trust === 'function'
      ? (await trust(credential)) === true
      : trust !== undefined &&
        credential.types.some(
          (type) => Object.hasOwn(trust, type) && (trust[type] ?? []).includes(credential.issuer),
        )
  if (!trusted) {
    throw new CivitasError(
      'ERR_UNTRUSTED_ISSUER',
      `${credential.issuer.slice(0, 80)} is not trusted for ${credential.types.join(', ')}`,
      {
        details: { issuer: credential.issuer.slice(0, 200), types: credential.types },
      },
    )
  }
}

/** Throws `ERR_TYPE_NOT_ACCEPTED` unless the credential has one of the accepted types. */
export function checkType(credential: VerifiedCredential, expectations: CheckExpectations): void {
  const accepted = expectations.types
  if (accepted !== undefined && !credential.types.some((type) => accepted.includes(type))) {
    throw new CivitasError('ERR_TYPE_NOT_ACCEPTED', `expected a ${accepted.join(' or ')}`, {
      details: { types: credential.types, accepted: [...accepted] },
    })
  }
}

/** Throws `ERR_CLAIM_MISSING` for the first required claim the subject lacks. */
export function checkClaims(credential: VerifiedCredential, expectations: CheckExpectations): void {
  const subject = subjectOf(credential)
  for (const path of expectations.requiredClaims ?? []) {
    let value: unknown = subject
    for (const segment of path.split('.')) {
      value =
        typeof value === 'object' && value !== null && Object.hasOwn(value, segment)
          ? (value as JsonObject)[segment]
          : undefined
    }
    if (value === undefined || value === null) {
      throw new CivitasError('ERR_CLAIM_MISSING', `the credential lacks ${path}`, {
        details: { claim: path },
      })
    }
  }
}

/** Claims of an SD-JWT VC about the token rather than its subject. */
const SD_JWT_REGISTERED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', 'sub', 'jti'])

/**
 * The credential subject's claims (the first subject, when there are several); for an SD-JWT VC,
 * the claims disclosed and always visible, without the registered JWT claims.
 */
export function subjectOf(credential: VerifiedCredential): JsonObject {
  if (credential.format === 'dc+sd-jwt') {
    return Object.fromEntries(
      Object.entries(credential.credential).filter(([name]) => !SD_JWT_REGISTERED.has(name)),
    )
  }
  const subject = [credential.credential.credentialSubject].flat()[0]
  return typeof subject === 'object' && subject !== null && !Array.isArray(subject) ? subject : {}
}
