import { type CivitasErrorCode, isCivitasError } from '@civitas/core'
import type { CheckExpectations, Report, Verifier } from '@civitas/verifier'

/** What a case demands: accept, refuse (with one of `codes` when fixed), or any typed verdict. */
export type Expected = { accept: true } | { reject: readonly CivitasErrorCode[] | 'any' } | { typed: true }

/** What the verifier said: accepted, refused with a code, or something no verifier may do. */
export type Outcome = { ok: true } | { ok: false; code: CivitasErrorCode } | { ok: false; broken: string }

/** Errors that mean a bug in the verifier's own code, even when wrapped in a typed error. */
const INTERNAL_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError]
/** Codes whose decoders wrap the platform's own error on purpose (a fatal TextDecoder throws a TypeError). */
const DECODER_CODES = new Set<CivitasErrorCode>([
  'ERR_UTF8_INVALID',
  'ERR_BASE64URL_INVALID',
  'ERR_JSON_INVALID',
])
/** Longer than any honest check takes: a case still running after this counts as a hang. */
export const CASE_TIMEOUT_MS = 10_000

function internalCause(error: unknown): Error | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 8 && current !== undefined; depth++) {
    if (!isCivitasError(current) && INTERNAL_ERRORS.some((type) => current instanceof type))
      return current as Error
    current = (current as { cause?: unknown } | null)?.cause
  }
  return undefined
}

function outcomeOf(report: Report): Outcome {
  if (report.ok) return { ok: true }
  const failed = report.checks.find((check) => check.status === 'failed')
  const code = failed?.code ?? report.error?.code
  if (code === undefined) return { ok: false, broken: 'refused without a code' }
  const internal = DECODER_CODES.has(code) ? undefined : internalCause(report.error)
  if (internal !== undefined)
    return { ok: false, broken: `${code} wraps ${internal.name}: ${internal.message}` }
  return { ok: false, code }
}

/** Runs one check with a deadline; a throw, a hang or an untyped refusal becomes a `broken` outcome. */
export async function checkOnce(
  verifier: Verifier,
  input: string,
  expectations: CheckExpectations,
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, broken: `no verdict after ${CASE_TIMEOUT_MS} ms` }),
      CASE_TIMEOUT_MS,
    )
  })
  try {
    return await Promise.race([
      verifier.check(input, expectations).then(outcomeOf, (error: unknown) => ({
        ok: false as const,
        broken: `check threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      })),
      deadline,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** Whether an outcome is what the case demands. */
export function satisfies(outcome: Outcome, expected: Expected): boolean {
  if ('broken' in outcome) return false
  if ('typed' in expected) return true
  if ('accept' in expected) return outcome.ok
  return !outcome.ok && (expected.reject === 'any' || expected.reject.includes(outcome.code))
}

/** One line for an expected verdict or an outcome. */
export function describeVerdict(verdict: Expected | Outcome): string {
  if ('typed' in verdict) return 'any typed verdict'
  if ('accept' in verdict) return 'accept'
  if ('reject' in verdict)
    return `reject with ${verdict.reject === 'any' ? 'any code' : verdict.reject.join(' | ')}`
  if (verdict.ok) return 'accepted'
  return 'broken' in verdict ? `BROKEN: ${verdict.broken}` : `rejected with ${verdict.code}`
}
