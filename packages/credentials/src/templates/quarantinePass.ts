import { DATE, defineTemplate, TEXT } from './internal/defineTemplate.js'
import { withSdJwt } from './internal/withSdJwt.js'
import type { TemplateInputBase } from './types.js'

/** The claims of a traveller's quarantine pass. */
export interface QuarantinePassInput extends TemplateInputBase {
  /** The destination region, e.g. `Jeju`. */
  destination: string
  clearance: 'cleared' | 'quarantine-required' | 'denied'
  /** Why the traveller is cleared: a test or a vaccination, with dates. */
  basis:
    | { kind: 'test'; testType: string; result: 'negative' | 'positive'; date: string }
    | { kind: 'vaccination'; product: string; doses: number; lastDose: string }
  /** The window the pass covers (ISO 8601 dates). */
  window: { start: string; end: string }
  healthAuthority: string
}

/**
 * A traveller's pass for a destination region: clearance status, its basis, valid window and the
 * issuing health authority.
 *
 * @example
 * ```ts
 * import { quarantinePass } from '@civitas/credentials/templates'
 *
 * const pass = quarantinePass.build({
 *   subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   destination: 'Jeju', clearance: 'cleared', healthAuthority: 'Jeju Special Self-Governing Province',
 *   basis: { kind: 'test', testType: 'PCR', result: 'negative', date: '2026-11-20' },
 *   window: { start: '2026-11-21', end: '2026-12-05' },
 * })
 * ```
 */
export const quarantinePass = withSdJwt(
  defineTemplate<QuarantinePassInput>({
    name: 'quarantinePass',
    type: 'QuarantinePass',
    schemaId: 'urn:civitas:schema:quarantine-pass:1',
    subjectSchema: {
      required: ['destination', 'clearance', 'basis', 'window', 'healthAuthority'],
      properties: {
        destination: TEXT,
        clearance: { enum: ['cleared', 'quarantine-required', 'denied'] },
        basis: {
          oneOf: [
            {
              type: 'object',
              required: ['kind', 'testType', 'result', 'date'],
              properties: {
                kind: { const: 'test' },
                testType: TEXT,
                result: { enum: ['negative', 'positive'] },
                date: DATE,
              },
            },
            {
              type: 'object',
              required: ['kind', 'product', 'doses', 'lastDose'],
              properties: {
                kind: { const: 'vaccination' },
                product: TEXT,
                doses: { type: 'integer', minimum: 1 },
                lastDose: DATE,
              },
            },
          ],
        },
        window: { type: 'object', required: ['start', 'end'], properties: { start: DATE, end: DATE } },
        healthAuthority: TEXT,
      },
    },
  }),
  {
    vct: 'urn:civitas:vct:quarantine-pass:1',
    // Clearance and window stay visible; how the traveller was cleared, and where to, are theirs to show.
    claims: (input) => ({
      claims: { ...input },
      disclosable: ['destination', 'basis', 'healthAuthority'],
    }),
  },
)
