import { CREDENTIAL_RULES } from './rules/credentialRules.js'
import { ENVELOPE_RULES } from './rules/envelopeRules.js'
import type { ClaimRule } from './rules/ruleKit.js'
import { SD_JWT_RULES } from './rules/sdJwtRules.js'

export type { ClaimRule, RuleContext } from './rules/ruleKit.js'

/**
 * Every claim-level rule: a change to a token's claims or header, signed again with the right keys,
 * labelled must-accept or must-reject (with the code where RULES.md fixes one).
 */
export const CLAIM_RULES: readonly ClaimRule[] = [...CREDENTIAL_RULES, ...SD_JWT_RULES, ...ENVELOPE_RULES]
