import { DATE, defineTemplate, TEXT } from './internal/defineTemplate.js'
import type { TemplateInputBase } from './types.js'

/** The claims of a membership credential. */
export interface MembershipInput extends TemplateInputBase {
  community: string
  role: 'member' | 'board' | 'chair' | 'observer'
  /** ISO 8601 date. */
  memberSince: string
}

/**
 * Membership of a community or association, with a role.
 *
 * @example
 * ```ts
 * import { membership } from '@civitas/credentials/templates'
 *
 * const card = membership.build({
 *   subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   community: 'Supilinn Neighbourhood Society', role: 'member', memberSince: '2024-03-01',
 * })
 * ```
 */
export const membership = defineTemplate<MembershipInput>({
  name: 'membership',
  type: 'MembershipCard',
  schemaId: 'urn:civitas:schema:membership-card:1',
  subjectSchema: {
    required: ['community', 'role', 'memberSince'],
    properties: {
      community: TEXT,
      role: { enum: ['member', 'board', 'chair', 'observer'] },
      memberSince: DATE,
    },
  },
})
