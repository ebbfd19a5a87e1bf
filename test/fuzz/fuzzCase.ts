import type { CheckExpectations } from '@civitas/verifier'
import { describeVerdict, type Expected, type Outcome } from './verdict.js'

/** How a case was made: a raw edit of the token, a raw edit of its QR text, or a re-signed claim change. */
export type FuzzMode = 'raw' | 'qr' | 'claim'

/** One generated case, with everything needed to check it again without the pool. */
export interface FuzzCase {
  seed: number
  index: number
  mode: FuzzMode
  /** The pool entry it came from (`vp+jwt`, `dc+sd-jwt+kb`, …). */
  target: string
  /** The raw mutations applied, or the claim rule's id. */
  mutation: string
  /** Why it is labelled so: the signed-bytes comparison, or the RULES.md section. */
  reason: string
  input: string
  expectations: CheckExpectations
  expected: Expected
}

/** A case whose outcome broke its label. */
export interface FuzzViolation extends FuzzCase {
  outcome: Outcome
}

/** What sets violations apart: mode, target, mutation kind or rule, label and outcome. */
export function violationKind(violation: FuzzViolation): string {
  const kind = violation.mode === 'claim' ? violation.mutation : violation.mutation.split('+')[0]
  return `${violation.mode} ${violation.target} ${kind} (${violation.reason}): expected ${describeVerdict(violation.expected)}, got ${describeVerdict(violation.outcome)}`
}
