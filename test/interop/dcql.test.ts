import type { JsonObject } from '@civitas/core'
import { type DcqlQuery as CivitasDcqlQuery, matchDcqlQuery } from '@civitas/sign-in'
import { DcqlQuery } from 'dcql'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// The OpenWallet Foundation's DCQL implementation (dcql-ts) as the other side: the queries a
// Civitas relying party sends must parse and validate there, and both must pick the same credentials.
const TYPES = ['ResidencyCard', 'MembershipCard', 'HealthAccessGrant'] as const
const CLAIMS = ['residencyStatus', 'community', 'role'] as const

const credential = fc.record({
  types: fc.subarray([...TYPES], { minLength: 1 }),
  claims: fc.dictionary(fc.constantFrom(...CLAIMS), fc.constantFrom('permanent', 'member', 'board')),
})
const query = fc.record({
  typeSets: fc.array(fc.subarray([...TYPES], { minLength: 1 }), { minLength: 1, maxLength: 2 }),
  claims: fc.subarray([...CLAIMS]),
})

describe('DCQL interop with dcql-ts', () => {
  it('behavior: for random queries and credentials, both accept the query and match the same credentials', () => {
    fc.assert(
      fc.property(query, fc.array(credential, { minLength: 1, maxLength: 5 }), (shape, held) => {
        const ours: CivitasDcqlQuery = {
          credentials: [
            {
              id: 'wanted',
              format: 'jwt_vc_json',
              meta: { type_values: shape.typeSets },
              ...(shape.claims.length === 0
                ? {}
                : { claims: shape.claims.map((name) => ({ path: ['credentialSubject', name] })) }),
            },
          ],
        }
        const theirs = DcqlQuery.parse(ours as never)
        DcqlQuery.validate(theirs)
        const candidates = held.map(({ types, claims }) => ({
          format: 'jwt_vc_json',
          types: ['VerifiableCredential', ...types],
          credential: { credentialSubject: claims } as JsonObject,
        }))
        const ourPicks = (matchDcqlQuery(ours, candidates).wanted ?? []).map((candidate) =>
          candidates.indexOf(candidate),
        )
        const result = DcqlQuery.query(
          theirs,
          candidates.map((candidate) => ({
            credential_format: 'jwt_vc_json' as const,
            type: candidate.types,
            claims: candidate.credential,
            cryptographic_holder_binding: true,
          })),
        )
        const match = result.credential_matches.wanted
        const theirPicks = match?.success
          ? match.valid_credentials.map((valid) => valid.input_credential_index)
          : []
        expect(ourPicks).toEqual(theirPicks)
      }),
      { numRuns: 300 },
    )
  })
})
