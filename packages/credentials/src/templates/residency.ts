import type { JsonObject } from '@civitas/core'
import { DATE, defineTemplate, TEXT } from './internal/defineTemplate.js'
import { withSdJwt } from './internal/withSdJwt.js'
import type { TemplateInputBase } from './types.js'

/** The claims of a residency card. */
export interface ResidencyInput extends TemplateInputBase {
  givenName: string
  familyName: string
  /** ISO 8601 date. */
  birthDate: string
  /** ISO 3166-1 alpha-2 country code. */
  nationality: string
  residencyStatus: 'permanent' | 'temporary' | 'e-resident'
  /** ISO 8601 date. */
  residentSince: string
  address: { streetAddress: string; postalCode: string; locality: string; country: string }
  issuingCity: string
  documentNumber: string
}

/**
 * An e-residency or resident card issued by a city. As an SD-JWT VC (`buildSdJwt`) every personal
 * claim is selectively disclosable, and derived predicates `age_equal_or_over` for 14, 16, 18, 19,
 * 21 and 65 are each disclosable on their own (with decoys), so a resident can prove being over 18
 * without showing a birth date.
 *
 * @example
 * ```ts
 * import { residency } from '@civitas/credentials/templates'
 *
 * const credential = residency.build({
 *   subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   givenName: 'Mari', familyName: 'Tamm', birthDate: '1990-04-12', nationality: 'EE',
 *   residencyStatus: 'permanent', residentSince: '2015-09-01', issuingCity: 'Tartu', documentNumber: 'TRT-000417',
 *   address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
 * })
 *
 * // issueCredential({ issuer, format: 'dc+sd-jwt', ...residency.buildSdJwt(input) })
 * const { credential: claims, disclosable } = residency.buildSdJwt({
 *   subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   givenName: 'Mari', familyName: 'Tamm', birthDate: '1990-04-12', nationality: 'EE',
 *   residencyStatus: 'permanent', residentSince: '2015-09-01', issuingCity: 'Tartu', documentNumber: 'TRT-000417',
 *   address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
 * })
 * ```
 */
export const residency = withSdJwt(
  defineTemplate<ResidencyInput>({
    name: 'residency',
    type: 'ResidencyCard',
    schemaId: 'urn:civitas:schema:residency-card:1',
    subjectSchema: {
      required: [
        'givenName',
        'familyName',
        'birthDate',
        'nationality',
        'residencyStatus',
        'residentSince',
        'address',
        'issuingCity',
        'documentNumber',
      ],
      properties: {
        givenName: TEXT,
        familyName: TEXT,
        birthDate: DATE,
        nationality: { type: 'string', pattern: '^[A-Z]{2}$' },
        residencyStatus: { enum: ['permanent', 'temporary', 'e-resident'] },
        residentSince: DATE,
        address: {
          type: 'object',
          required: ['streetAddress', 'postalCode', 'locality', 'country'],
          properties: {
            streetAddress: TEXT,
            postalCode: TEXT,
            locality: TEXT,
            country: { type: 'string', pattern: '^[A-Z]{2}$' },
          },
        },
        issuingCity: TEXT,
        documentNumber: TEXT,
      },
    },
  }),
  {
    vct: 'urn:civitas:vct:residency-card:1',
    claims(input, now) {
      const { address, issuingCity, ...personal } = input
      const age = ageAt(input.birthDate, now)
      const ageEqualOrOver: JsonObject = Object.fromEntries(
        AGE_THRESHOLDS.map((years) => [String(years), age >= years]),
      )
      return {
        claims: { issuingCity, ...personal, address, age_equal_or_over: ageEqualOrOver },
        disclosable: [
          ...Object.keys(personal),
          'address',
          ...Object.keys(address).map((member) => `address.${member}`),
          ...AGE_THRESHOLDS.map((years) => `age_equal_or_over.${years}`),
        ],
      }
    },
  },
)

/**
 * The age predicates a residency SD-JWT VC carries, each a disclosable `age_equal_or_over.N`
 * boolean: 19 is the legal adult age in Korea.
 *
 * @example
 * ```ts
 * import { AGE_THRESHOLDS } from '@civitas/credentials/templates'
 *
 * // The claim paths a relying party can ask for instead of the birth date.
 * const paths = AGE_THRESHOLDS.map((years) => ['age_equal_or_over', String(years)])
 * ```
 */
export const AGE_THRESHOLDS = [14, 16, 18, 19, 21, 65] as const

/** Whole years from an ISO 8601 birth date to `now`. */
function ageAt(birthDate: string, now: number): number {
  const birth = new Date(`${birthDate}T00:00:00Z`)
  const today = new Date(now)
  const years = today.getUTCFullYear() - birth.getUTCFullYear()
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate())
  return beforeBirthday ? years - 1 : years
}
