import type { VerifiedCredential } from '@civitas/credentials'
import type { Report } from '../types.js'
import { subjectOf } from './checkPolicy.js'

/** What a credential's report says about it; `types` is empty unless the policy checks passed. */
export function credentialSummary(
  credential: VerifiedCredential,
  types: string[] | undefined,
): Pick<Report, 'issuer' | 'types' | 'listedTypes' | 'claims'> {
  return {
    issuer: credential.issuer,
    types: types ?? [],
    listedTypes: credential.types,
    claims: subjectOf(credential),
  }
}
