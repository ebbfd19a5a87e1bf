import { explainCode } from './explainCode.js'
import type { Report } from './types.js'

const MARK = { passed: '✓', failed: '✗', skipped: '·' } as const

/**
 * Renders a report as plain text for a terminal or a log: the verdict with its reason, who issued
 * and who presented, then every check with its mark and code.
 *
 * @example
 * ```ts
 * import { formatReport, type Report } from '@civitas/verifier'
 *
 * declare const report: Report
 * console.log(formatReport(report))
 * ```
 */
export function formatReport(report: Report): string {
  const lines = [
    report.ok
      ? `ACCEPTED ${report.kind}${report.types ? ` (${report.types.filter((type) => !type.startsWith('Verifiable')).join(', ')})` : ''}`
      : `REJECTED ${report.kind}: ${report.error ? `${report.error.code} — ${explainCode(report.error.code)}` : 'a check did not run'}`,
  ]
  if (report.issuer !== undefined) lines.push(`  issuer  ${report.issuer}`)
  if (report.holder !== undefined) lines.push(`  holder  ${report.holder}`)
  lines.push(
    `  checks  ${report.checks.map((check) => `${MARK[check.status]} ${check.name}${check.code ? ` (${check.code})` : ''}`).join('  ')}`,
  )
  for (const [index, credential] of (report.credentials ?? []).entries()) {
    lines.push(
      `  credential ${index}: ${credential.checks.map((check) => `${MARK[check.status]} ${check.name}${check.code ? ` (${check.code})` : ''}`).join('  ')}`,
    )
  }
  return lines.join('\n')
}
