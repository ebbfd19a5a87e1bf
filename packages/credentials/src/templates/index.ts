/**
 * Credential templates: typed builders for a residency card, a health-record access grant, a
 * quarantine pass and a membership card, each with the JSON Schema (2020-12) that `issueCredential`
 * and `verifyCredential` check.
 *
 * @module
 */
export { type HealthAccessInput, healthAccess } from './healthAccess.js'
export { type MembershipInput, membership } from './membership.js'
export { type QuarantinePassInput, quarantinePass } from './quarantinePass.js'
export { AGE_THRESHOLDS, type ResidencyInput, residency } from './residency.js'
export type { CredentialTemplate, SdJwtBuild, SdJwtCredentialTemplate, TemplateInputBase } from './types.js'
