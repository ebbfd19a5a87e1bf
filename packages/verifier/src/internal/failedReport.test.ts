import { CivitasError } from '@civitas/core'
import { credentialFormatNamed, defaultCredentialFormat } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { failedReport } from './failedReport.js'

describe('failedReport', () => {
  it("error: an unreadable input fails parse with its code; the default format's other checks are skipped", () => {
    const report = failedReport(
      'credential',
      undefined,
      new CivitasError('ERR_QR_INVALID', 'bad QR'),
      'parse',
    )
    expect(report).toMatchObject({ ok: false, kind: 'credential', error: { code: 'ERR_QR_INVALID' } })
    expect(report.checks[0]).toMatchObject({ name: 'parse', status: 'failed', code: 'ERR_QR_INVALID' })
    expect(report.checks.slice(1).every((check) => check.status === 'skipped')).toBe(true)
    expect(report.checks).toHaveLength(defaultCredentialFormat.checks.credential.length + 4)
  })

  it("error: an unusable trust bundle fails the trust check in the token's format's list", () => {
    const sdJwtVc = credentialFormatNamed('dc+sd-jwt')
    const report = failedReport(
      'presentation',
      sdJwtVc,
      new CivitasError('ERR_TRUST_BUNDLE_EXPIRED', 'expired'),
      'trust',
    )
    expect(report.checks.map((check) => check.name).slice(0, 3)).toEqual([
      'parse',
      'credentials',
      'keyBinding',
    ])
    expect(report.checks.find((check) => check.status === 'failed')).toMatchObject({
      name: 'trust',
      code: 'ERR_TRUST_BUNDLE_EXPIRED',
    })
  })
})
