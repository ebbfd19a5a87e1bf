import { DATE, defineTemplate, TEXT } from './internal/defineTemplate.js'
import { withSdJwt } from './internal/withSdJwt.js'
import type { TemplateInputBase } from './types.js'

/** The claims of a health-record access grant. `subject` is the patient. */
export interface HealthAccessInput extends TemplateInputBase {
  /** The DID of the provider allowed to read. */
  provider: string
  providerName: string
  /** Record scopes, e.g. `imaging`, `prescriptions`, `lab-results`. */
  scopes: string[]
  purpose: string
  /** ISO 8601 dates of the grant's period. */
  period: { start: string; end: string }
}

/**
 * A patient's grant letting a named provider read named record scopes for a purpose and period.
 *
 * @example
 * ```ts
 * import { healthAccess } from '@civitas/credentials/templates'
 *
 * const grant = healthAccess.build({
 *   subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   provider: 'did:web:clinic.example', providerName: 'Harbour Clinic', scopes: ['imaging', 'lab-results'],
 *   purpose: 'follow-up consultation', period: { start: '2026-12-01', end: '2026-12-31' },
 * })
 * ```
 */
export const healthAccess = withSdJwt(
  defineTemplate<HealthAccessInput>({
    name: 'healthAccess',
    type: 'HealthRecordAccessGrant',
    schemaId: 'urn:civitas:schema:health-record-access-grant:1',
    subjectSchema: {
      required: ['provider', 'providerName', 'scopes', 'purpose', 'period'],
      properties: {
        provider: { type: 'string', pattern: '^did:' },
        providerName: TEXT,
        scopes: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            enum: [
              'imaging',
              'prescriptions',
              'lab-results',
              'allergies',
              'immunizations',
              'encounters',
              'summary',
            ],
          },
        },
        purpose: TEXT,
        period: { type: 'object', required: ['start', 'end'], properties: { start: DATE, end: DATE } },
      },
    },
  }),
  {
    vct: 'urn:civitas:vct:health-record-access-grant:1',
    // Each scope on its own: the patient shows a clinic only the records it needs.
    claims: (input) => ({
      claims: { ...input },
      disclosable: input.scopes.map((_, index) => ['scopes', index]),
    }),
  },
)
