import type { Report } from '@civitas/verifier'

/** The first check of a verifier's report that failed, or `undefined` when none did. */
export function failedCheck(report: Report): Report['checks'][number] | undefined {
  return report.checks.find((check) => check.status === 'failed')
}
