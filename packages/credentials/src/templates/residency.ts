import { DATE, defineTemplate, TEXT } from './internal/defineTemplate.js'
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
 * An e-residency or resident card issued by a city.
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
 * ```
 */
export const residency = defineTemplate<ResidencyInput>({
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
})
