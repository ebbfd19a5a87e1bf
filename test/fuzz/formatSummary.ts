import type { FuzzSummary } from './runFuzz.js'

/** One line per kind of violation: what, how often, and the first case (`npm run fuzz -- --seed S --case I`). */
export function describeViolations(summary: FuzzSummary): string[] {
  return Object.entries(summary.violationKinds).map(
    ([kind, { count, first }]) => `${kind} ×${count}, first case ${first}`,
  )
}

/** The closing lines of a run: totals, verdicts by code, and the violations by kind. */
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
    `violations: ${summary.violationCount}`,
    ...describeViolations(summary).map((line) => `  ${line}`),
  ].join('\n')
}
