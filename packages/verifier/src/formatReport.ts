import { explainCode } from './explainCode.js'
import type { Report } from './types.js'

const MARK = { passed: '✓', failed: '✗', skipped: '·' } as const

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /**
   * How to name the verifier's options in the reason, for a program that exposes them under other
   * names: a command line passes its flags (`{ allowHttp: '--allow-http-status' }`).
   */
  optionNames?: Readonly<Record<string, string>>
}

/**
 * Renders a report as plain text for a terminal or a log: the verdict with what the code means and
 * what to do, the error's own reason and details (each schema fault, the refused URL, the option
 * that would allow it), who issued and who presented, then every check with its mark and code.
 *
 * @example
 * ```ts
 * import { formatReport, type Report } from '@civitas/verifier'
 *
 * declare const report: Report
 * console.log(formatReport(report))
 * ```
 */
export function formatReport(report: Report, options: FormatReportOptions = {}): string {
  const rename = renamer(options.optionNames ?? {})
  const lines = [
    report.ok
      ? `ACCEPTED ${report.kind}${report.types ? ` (${report.types.filter((type) => !type.startsWith('Verifiable')).join(', ')})` : ''}`
      : `REJECTED ${report.kind}: ${report.error ? `${report.error.code} — ${rename(explainCode(report.error.code))}` : 'a check did not run'}`,
  ]
  if (report.error !== undefined) {
    lines.push(`  reason  ${rename(report.error.message)}`)
    for (const line of detailLines(report.error.details)) lines.push(`          ${rename(line)}`)
  }
  if (report.issuer !== undefined) lines.push(`  issuer  ${report.issuer}`)
  if (report.holder !== undefined) lines.push(`  holder  ${report.holder}`)
  lines.push(
    `  checks  ${report.checks.map((check) => `${MARK[check.status]} ${check.name}${check.code ? ` (${check.code})` : ''}`).join('  ')}`,
  )
  for (const [index, credential] of (report.credentials ?? []).entries()) {
    lines.push(
      `  credential ${index}: ${credential.checks.map((check) => `${MARK[check.status]} ${check.name}${check.code ? ` (${check.code})` : ''}`).join('  ')}`,
    )
    if (credential.error !== undefined && credential.error !== report.error)
      lines.push(`    reason  ${credential.error.code}: ${rename(credential.error.message)}`)
  }
  return lines.join('\n')
}

/** One line per detail; a list (schema faults) one line per item. Long values are cut, never secrets. */
function detailLines(details: Readonly<Record<string, unknown>>): string[] {
  const show = (item: unknown) => {
    const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '')
    return text.length > 200 ? `${text.slice(0, 200)}…` : text
  }
  const lines: string[] = []
  for (const [name, value] of Object.entries(details)) {
    if (Array.isArray(value)) lines.push(`${name}:`, ...value.map((item) => `  ${show(item)}`))
    else lines.push(`${name}: ${show(value)}`)
  }
  return lines
}

/** Replaces each option name, as a whole word, with the name the caller's users know it by. */
function renamer(names: Readonly<Record<string, string>>): (text: string) => string {
  const entries = Object.entries(names)
  if (entries.length === 0) return (text) => text
  const pattern = new RegExp(`\\b(${entries.map(([name]) => name.replace(/[^\w]/g, '')).join('|')})\\b`, 'g')
  return (text) => text.replace(pattern, (name) => names[name] ?? name)
}
