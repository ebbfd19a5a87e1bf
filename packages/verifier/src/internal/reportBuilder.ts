import { CivitasError, type CivitasErrorCode, isCivitasError } from '@civitas/core'
import type { Report, ReportCheck, ReportCheckName } from '../types.js'

const CREDENTIAL_CHECKS: ReportCheckName[] = [
  'parse',
  'algorithm',
  'issuer',
  'signature',
  'validity',
  'schema',
  'trust',
  'status',
  'type',
  'claims',
]
const PRESENTATION_CHECKS: ReportCheckName[] = [
  'parse',
  'algorithm',
  'issuer',
  'signature',
  'freshness',
  'audience',
  'nonce',
  'credentials',
  'holder',
  'trust',
  'status',
  'type',
  'claims',
]

const SD_JWT_CREDENTIAL_CHECKS: ReportCheckName[] = [
  'parse',
  'algorithm',
  'issuer',
  'signature',
  'disclosures',
  'validity',
  'trust',
  'status',
  'type',
  'claims',
]
// An SD-JWT+KB carries one credential; the holder is bound by the key-binding JWT.
const SD_JWT_PRESENTATION_CHECKS: ReportCheckName[] = [
  'parse',
  'credentials',
  'keyBinding',
  'freshness',
  'audience',
  'nonce',
  'trust',
  'status',
  'type',
  'claims',
]
const CHECKS = {
  jwt: { credential: CREDENTIAL_CHECKS, presentation: PRESENTATION_CHECKS },
  'sd-jwt': { credential: SD_JWT_CREDENTIAL_CHECKS, presentation: SD_JWT_PRESENTATION_CHECKS },
}

/** Collects check outcomes in a report's fixed order; checks that never ran are `skipped`. */
export function createReportBuilder(kind: Report['kind'], encoding: 'jwt' | 'sd-jwt' = 'jwt') {
  const checks = new Map<ReportCheckName, ReportCheck>(
    CHECKS[encoding][kind].map((name) => [name, { name, ok: false, status: 'skipped' }]),
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
