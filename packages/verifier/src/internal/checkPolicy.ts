import { CivitasError, type JsonObject } from '@civitas/core'
import { credentialFormatNamed, defaultCredentialFormat, type VerifiedCredential } from '@civitas/credentials'
import type { CheckExpectations, TrustPolicy } from '../types.js'
import { checkStatusNote } from './checkStatusNote.js'
import { POLICY_CHECKS, type ReportBuilder } from './reportBuilder.js'
import type { VerifierSetting } from './types.js'

/**
 * Runs the policy checks on a verified credential into `report`, in the report's order
 * ({@link POLICY_CHECKS}: trust per type, status, type, claims); the first that fails ends the run.
 *
 * @returns the types the report vouches for (accepted and trusted for the issuer), or `undefined`
 *   when a check failed.
 */
export async function checkPolicy(
  credential: VerifiedCredential,
  expectations: CheckExpectations,
  report: ReportBuilder,
  { trust, status }: VerifierSetting,
): Promise<string[] | undefined> {
  let trustedTypes: string[] = []
  const runs: Record<(typeof POLICY_CHECKS)[number], () => unknown> = {
    trust: async () => {
      trustedTypes = await checkTrust(credential, trust, expectations)
    },
    status: () => checkStatusNote(credential, expectations, status),
    type: () => checkType(credential, expectations),
    claims: () => checkClaims(credential, expectations),
  }
  for (const name of POLICY_CHECKS) {
    try {
      const note = await runs[name]()
      report.record(name, true, undefined, typeof note === 'string' ? note : undefined)
    } catch (error) {
      report.fail(error, name)
      return undefined
    }
  }
  return trustedTypes
}

/**
 * Returns the credential's types the policy trusts for its issuer, among the candidates: the types it
 * lists that the check accepts; all of them when the check names no types, or accepts none of them (the
 * type check then refuses the credential).
 * A type trusted for the issuer but not accepted never counts, so listing a type the issuer is trusted
 * for beside one it is not gains nothing.
 *
 * @throws `ERR_UNTRUSTED_ISSUER` when the issuer is trusted for no candidate type.
 */
export async function checkTrust(
  credential: VerifiedCredential,
  trust: TrustPolicy | undefined,
  expectations: CheckExpectations,
): Promise<string[]> {
  const candidates = candidateTypes(credential.types, expectations.types)
  const trusted: string[] = []
  for (const type of candidates) {
    if (await isTrustedFor(credential, type, trust)) trusted.push(type)
  }
  if (trusted.length === 0) {
    throw new CivitasError(
      'ERR_UNTRUSTED_ISSUER',
      `${credential.issuer.slice(0, 80)} is not trusted for ${candidates.join(', ').slice(0, 200)}`,
      { details: { issuer: credential.issuer.slice(0, 200), types: candidates } },
    )
  }
  return trusted
}

function candidateTypes(listed: readonly string[], accepted: readonly string[] | undefined): string[] {
  const acceptedListed = accepted === undefined ? [] : listed.filter((type) => accepted.includes(type))
  return acceptedListed.length > 0 ? acceptedListed : [...listed]
}

async function isTrustedFor(
  credential: VerifiedCredential,
  type: string,
  trust: TrustPolicy | undefined,
): Promise<boolean> {
  if (trust === 'any') return true
  if (typeof trust === 'function') return (await trust(credential, type)) === true
  return trust !== undefined && Object.hasOwn(trust, type) && (trust[type] ?? []).includes(credential.issuer)
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

/**
 * The credential subject's claims, as its format's entry in the credential format table reads them:
 * the first subject of a W3C credential; for an SD-JWT VC the claims disclosed and always visible,
 * without the registered JWT claims.
 */
export function subjectOf(credential: VerifiedCredential): JsonObject {
  return (credentialFormatNamed(credential.format) ?? defaultCredentialFormat).subjectClaims(
    credential.credential,
  )
}
