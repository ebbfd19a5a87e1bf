import { CivitasError, type CivitasErrorCode, isCivitasError } from '@civitas/core'
import { type CredentialFormatModule, defaultCredentialFormat } from '@civitas/credentials'
import type { Report, ReportCheck, ReportCheckName } from '../types.js'

/** The verifier's own checks, after the format's: its policy, the same for every format. */
export const POLICY_CHECKS = ['trust', 'status', 'type', 'claims'] as const

/** A report being built: {@link createReportBuilder}'s result. */
export type ReportBuilder = ReturnType<typeof createReportBuilder>

/**
 * Collects check outcomes in a report's fixed order: the checks the token's format runs (its entry
 * in the credential format table; the default format's for an input none recognises), then the
 * policy checks. Checks that never ran are `skipped`.
 */
export function createReportBuilder(
  kind: Report['kind'],
  format: CredentialFormatModule = defaultCredentialFormat,
) {
  const checks = new Map<ReportCheckName, ReportCheck>(
    [...format.checks[kind], ...POLICY_CHECKS].map((name) => [name, { name, ok: false, status: 'skipped' }]),
  )
  let error: CivitasError | undefined
  return {
    record(name: ReportCheckName, ok: boolean, code?: CivitasErrorCode, note?: string): void {
      checks.set(name, {
        name,
        ok,
        status: ok ? 'passed' : 'failed',
        ...(code === undefined ? {} : { code }),
        ...(note === undefined ? {} : { note }),
      })
    },
    fail(failure: unknown, fallback: ReportCheckName): void {
      error ??= isCivitasError(failure)
        ? failure
        : new CivitasError('ERR_CREDENTIAL_INVALID', 'verification failed unexpectedly', { cause: failure })
      // A check that already reported its failure (through onCheck) is the one to show.
      if ([...checks.values()].some((check) => check.status === 'failed')) return
      const named = error.details.check as ReportCheckName | undefined
      const name = named !== undefined && checks.has(named) ? named : fallback
      this.record(name, false, error.code)
    },
    finish(extra: Omit<Report, 'ok' | 'kind' | 'checks' | 'error'>): Report {
      const list = [...checks.values()]
      const ok = error === undefined && list.every((check) => check.status === 'passed')
      return { ok, kind, checks: list, ...(error === undefined ? {} : { error }), ...extra }
    },
  }
}
