import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { explainCode } from './explainCode.js'
import { formatReport } from './formatReport.js'
import type { Report } from './types.js'

const STATUS_URL = 'http://status.example/lists/7'

/** A rejected credential report failing at `status` with `error`. */
function rejected(error: CivitasError): Report {
  return {
    ok: false,
    kind: 'credential',
    error,
    issuer: 'did:web:city.example',
    checks: [
      { name: 'signature', ok: true, status: 'passed' },
      { name: 'status', ok: false, status: 'failed', code: error.code },
      { name: 'type', ok: false, status: 'skipped' },
    ],
  }
}

const httpList = new CivitasError(
  'ERR_STATUS_LIST_INVALID',
  `status list ${STATUS_URL}: statusListCredential must be an https URL (plain http only with allowHttp)`,
  { details: { statusListCredential: STATUS_URL } },
)

describe('formatReport', () => {
  it("behavior: a rejection shows the code with its explanation, then the error's own reason and details", () => {
    const text = formatReport(rejected(httpList))
    const lines = text.split('\n')
    expect(lines[0]).toBe(
      `REJECTED credential: ERR_STATUS_LIST_INVALID — ${explainCode('ERR_STATUS_LIST_INVALID')}`,
    )
    expect(lines[1]).toBe(`  reason  ${httpList.message}`)
    expect(lines[2]).toBe(`          statusListCredential: ${STATUS_URL}`)
    expect(text).toContain('✗ status (ERR_STATUS_LIST_INVALID)')
  })

  it('behavior: optionNames renames the library options a reason names, as whole words only', () => {
    const text = formatReport(rejected(httpList), { optionNames: { allowHttp: '--allow-http-status' } })
    expect(text).toContain('(plain http only with --allow-http-status)')
    expect(text).not.toContain('allowHttp')
    const other = new CivitasError('ERR_STATUS_LIST_INVALID', 'allowHttpX and allowHttp')
    expect(formatReport(rejected(other), { optionNames: { allowHttp: '-x' } })).toContain('allowHttpX and -x')
  })

  it('behavior: every schema fault is listed with its JSON path, one per line', () => {
    const faults = [
      '/credentialSubject: familyName is required',
      '/credentialSubject/id: does not match ^did:',
    ]
    const text = formatReport(
      rejected(
        new CivitasError('ERR_SCHEMA_INVALID', 'the credential does not match', {
          details: { errors: faults },
        }),
      ),
    )
    expect(text).toContain('          errors:\n            /credentialSubject: familyName is required\n')
    expect(text).toContain('            /credentialSubject/id: does not match ^did:')
  })

  it('behavior: long detail values are cut; an accepted report has no reason line', () => {
    const long = new CivitasError('ERR_FETCH_FAILED', 'fetch failed', { details: { body: 'x'.repeat(1000) } })
    const detail = formatReport(rejected(long))
      .split('\n')
      .find((line) => line.includes('body:'))
    expect(detail?.length).toBeLessThan(240)
    expect(detail?.endsWith('…')).toBe(true)
    const accepted = formatReport({
      ok: true,
      kind: 'credential',
      types: ['VerifiableCredential', 'MembershipCard'],
      checks: [],
    })
    expect(accepted).toMatch(/^ACCEPTED credential \(MembershipCard\)/)
    expect(accepted).not.toContain('reason')
  })
})

describe('explainCode', () => {
  it('behavior: a wallet without a match, a broken store and a missing audience are three explanations', () => {
    const codes: CivitasErrorCode[] = [
      'ERR_CREDENTIAL_NOT_FOUND',
      'ERR_CREDENTIAL_STORE',
      'ERR_AUDIENCE_REQUIRED',
      'ERR_AUDIENCE_MISMATCH',
    ]
    const texts = codes.map(explainCode)
    expect(new Set(texts).size).toBe(codes.length)
    for (const text of texts) expect(text).not.toMatch(/^The check failed/)
    expect(explainCode('ERR_CREDENTIAL_NOT_FOUND')).not.toMatch(/backup/)
    expect(explainCode('ERR_CREDENTIAL_STORE')).toMatch(/backup/)
  })

  it('behavior: a bad signature is not only "forged": the signer may have replaced its key (did:ethr owner change)', () => {
    expect(explainCode('ERR_SIGNATURE_INVALID')).toMatch(/replaced/)
  })
})
