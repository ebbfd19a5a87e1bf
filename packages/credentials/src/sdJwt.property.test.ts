import { fixedClock, type JsonObject, type JsonValue } from '@civitas/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createParties, NOW } from '../../../test/support/parties.js'
import { createPresentation } from './createPresentation.js'
import { issueCredential } from './issueCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const RESERVED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', 'sub', '_sd', '_sd_alg', '...'])
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((value) => !RESERVED.has(value))
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null))
const claimValue = fc.oneof(
  scalar,
  fc.dictionary(name, scalar, { minKeys: 1, maxKeys: 4 }),
  fc.array(scalar, { minLength: 1, maxLength: 4 }),
)

/** Every disclosable path: each claim, each member of an object claim, each element of an array claim. */
function pathsOf(claims: Record<string, JsonValue>): (string | number)[][] {
  return Object.entries(claims).flatMap(([key, value]) => [
    [key],
    ...(Array.isArray(value)
      ? value.map((_, index) => [key, index])
      : typeof value === 'object' && value !== null
        ? Object.keys(value).map((member) => [key, member])
        : []),
  ])
}

/** What disclosing `chosen` must reveal: a whole claim, or only the chosen members and elements. */
function expected(claims: Record<string, JsonValue>, chosen: (string | number)[][]): JsonObject {
  const out: JsonObject = {}
  const picked = (path: (string | number)[]) =>
    chosen.some((entry) => entry.join('\u0000') === path.join('\u0000'))
  for (const [key, value] of Object.entries(claims)) {
    if (picked([key])) out[key] = value
    else if (Array.isArray(value)) {
      const elements = value.filter((_, index) => picked([key, index]))
      if (elements.length > 0) out[key] = elements
    } else if (typeof value === 'object' && value !== null) {
      const members = Object.fromEntries(Object.entries(value).filter(([member]) => picked([key, member])))
      if (Object.keys(members).length > 0) out[key] = members
    }
  }
  return out
}

describe('SD-JWT selective disclosure', () => {
  it('property: for random claims and random disclosure subsets exactly the chosen claims come out', async () => {
    const { city, citizen, resolver } = await createParties('EdDSA', 'ES256')
    await fc.assert(
      fc.asyncProperty(
        fc
          .dictionary(name, claimValue, { minKeys: 1, maxKeys: 6 })
          .chain((claims) => fc.tuple(fc.constant(claims), fc.subarray(pathsOf(claims)))),
        async ([claims, chosen]) => {
          // Every claim, member and element is disclosable on its own; the holder picks a subset.
          const { token } = await issueCredential({
            issuer: city,
            format: 'dc+sd-jwt',
            credential: { vct: 'urn:civitas:vct:property:1', sub: citizen.did, ...claims },
            disclosable: pathsOf(claims),
            clock,
          })
          const presented = await createPresentation({
            holder: citizen,
            credentials: [token],
            disclose: chosen,
            audience: 'https://verifier.example',
            nonce: 'n-property-000001',
            clock,
          })
          const { credentials } = await verifyPresentation(presented.token, {
            resolver,
            audience: 'https://verifier.example',
            nonce: 'n-property-000001',
            clock,
          })
          const { iss, iat, vct, sub, cnf, ...revealed } = credentials[0]?.credential ?? {}
          expect({ iss, iat, vct, sub }).toEqual({
            iss: city.did,
            iat: NOW / 1000,
            vct: 'urn:civitas:vct:property:1',
            sub: citizen.did,
          })
          expect(cnf).toBeDefined()
          expect(revealed).toEqual(expected(claims, chosen))
        },
      ),
      { numRuns: 60 },
    )
  })
})
