import type { JsonObject } from '@civitas/core'
import { hasClaim, hasRequestedTypes } from './internal/dcql.js'
import type { DcqlQuery } from './types.js'

/** A credential a wallet could share: its encoding, types and VC data-model form. */
export interface DcqlCandidate {
  format: string
  types: readonly string[]
  credential: JsonObject
}

/**
 * The candidates that satisfy each credential query of a DCQL query: the same format, every type of
 * one of the `type_values` sets, and a value at every requested claim path.
 *
 * @see https://openid.net/specs/openid-4-verifiable-presentations-1_0.html (Digital Credentials Query
 *   Language)
 * @example
 * ```ts
 * import { matchDcqlQuery } from '@civitas/sign-in'
 *
 * const matches = matchDcqlQuery(
 *   { credentials: [{ id: 'residency', format: 'vc+jwt', meta: { type_values: [['ResidencyCard']] } }] },
 *   [{ format: 'vc+jwt', types: ['VerifiableCredential', 'ResidencyCard'], credential: { credentialSubject: {} } }],
 * )
 * console.log(matches.residency?.length) // 1
 * ```
 */
export function matchDcqlQuery<T extends DcqlCandidate>(
  query: DcqlQuery,
  candidates: readonly T[],
): Record<string, T[]> {
  const matches: Record<string, T[]> = {}
  for (const credentialQuery of query.credentials) {
    matches[credentialQuery.id] = candidates.filter(
      (candidate) =>
        candidate.format === credentialQuery.format &&
        hasRequestedTypes(candidate.types, credentialQuery) &&
        (credentialQuery.claims ?? []).every((claim) => hasClaim(candidate.credential, claim)),
    )
  }
  return matches
}
