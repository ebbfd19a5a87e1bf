import type { FuzzSummary, FuzzViolation } from './runFuzz.js'
import { describeVerdict } from './verdict.js'

/** One line per kind of violation: where, which mutation or rule, expected and got, how often, first case. */
export function describeViolations(violations: readonly FuzzViolation[]): string[] {
  const groups = new Map<string, { count: number; first: number }>()
  for (const violation of violations) {
    const kind = violation.mode === 'claim' ? violation.mutation : violation.mutation.split('+')[0]
    const key = `${violation.mode} ${violation.target} ${kind} (${violation.reason}): expected ${describeVerdict(violation.expected)}, got ${describeVerdict(violation.outcome)}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { count: 1, first: violation.index })
    else group.count++
  }
  return [...groups].map(([key, { count, first }]) => `${key} ×${count}, first case ${first}`)
}

/** The closing lines of a run: totals, verdicts by code, and the violations. */
export function formatSummary(summary: FuzzSummary): string {
  const rate = summary.cases / (summary.elapsedMs / 1000)
  const codes = Object.entries(summary.rejectedByCode)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => `  ${code.padEnd(36)} ${count}`)
  return [
    `seed ${summary.seed}: ${summary.cases} cases in ${(summary.elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(0)} cases/s)`,
    `  raw ${summary.byMode.raw}, qr ${summary.byMode.qr}, claim ${summary.byMode.claim}`,
    `accepted ${summary.accepted}, rejected ${summary.cases - summary.accepted}:`,
    ...codes,
    `violations: ${summary.violationCount}${summary.violationCount > summary.violations.length ? ` (the first ${summary.violations.length} grouped below)` : ''}`,
    ...describeViolations(summary.violations).map((line) => `  ${line}`),
  ].join('\n')
}
