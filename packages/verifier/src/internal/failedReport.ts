import type { CredentialFormatModule } from '@civitas/credentials'
import type { Report } from '../types.js'
import { createReportBuilder } from './reportBuilder.js'

/**
 * A report that failed before verification began (unreadable QR text, an unusable trust bundle): the
 * format's checks (the default format's when none is known) with `check` failed and the rest skipped.
 */
export function failedReport(
  kind: Report['kind'],
  format: CredentialFormatModule | undefined,
  error: unknown,
  check: 'parse' | 'trust',
): Report {
  const report = createReportBuilder(kind, format)
  report.fail(error, check)
  return report.finish({})
}
