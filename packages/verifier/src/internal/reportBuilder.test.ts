import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import { credentialFormats, defaultCredentialFormat } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { createReportBuilder, POLICY_CHECKS } from './reportBuilder.js'

describe('createReportBuilder', () => {
  for (const format of credentialFormats) {
    for (const kind of ['credential', 'presentation'] as const) {
      it(`behavior: a ${format.format} ${kind} report lists the format table's checks, then the policy checks`, () => {
        const report = createReportBuilder(kind, format).finish({})
        expect(report.checks.map((check) => check.name)).toEqual([...format.checks[kind], ...POLICY_CHECKS])
        expect(report.checks.every((check) => check.status === 'skipped')).toBe(true)
        expect(report.ok).toBe(false)
      })
    }
  }

  it("behavior: without a format, a report lists the default format's checks", () => {
    expect(
      createReportBuilder('credential')
        .finish({})
        .checks.map((check) => check.name),
    ).toEqual([...defaultCredentialFormat.checks.credential, ...POLICY_CHECKS])
  })

  it('behavior: a report passes only when every listed check passed', () => {
    const report = createReportBuilder('credential')
    const names = [...defaultCredentialFormat.checks.credential, ...POLICY_CHECKS]
    for (const name of names.slice(0, -1)) report.record(name, true)
    expect(report.finish({}).ok).toBe(false)
    report.record(names[names.length - 1] as (typeof names)[number], true)
    expect(report.finish({}).ok).toBe(true)
  })

  it('error: a failure lands on the check it names, else on the fallback, and keeps its code', () => {
    const code: CivitasErrorCode = 'ERR_SIGNATURE_INVALID'
    const named = createReportBuilder('credential')
    named.fail(new CivitasError(code, 'bad signature', { details: { check: 'signature' } }), 'parse')
    expect(named.finish({}).checks.find((check) => check.name === 'signature')).toMatchObject({
      status: 'failed',
      code,
    })
    const unnamed = createReportBuilder('credential')
    unnamed.fail(new Error('not a CivitasError'), 'trust')
    const report = unnamed.finish({})
    expect(report.error?.code).toBe('ERR_CREDENTIAL_INVALID')
    expect(report.checks.find((check) => check.status === 'failed')?.name).toBe('trust')
  })
})
