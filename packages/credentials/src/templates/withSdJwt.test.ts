import { fixedClock } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { createParties, NOW, YEAR } from '../../../../test/support/parties.js'
import { createPresentation } from '../createPresentation.js'
import { decodeSdJwt } from '../decodeSdJwt.js'
import { issueCredential } from '../issueCredential.js'
import { verifyPresentation } from '../verifyPresentation.js'
import { healthAccess } from './healthAccess.js'
import { quarantinePass } from './quarantinePass.js'
import { residency } from './residency.js'
import type { SdJwtBuild } from './types.js'

const clock = fixedClock(NOW) // 2026-11-23
const audience = 'https://verifier.example'
const nonce = 'n-templates-91xQ'

async function presentOnly(build: SdJwtBuild, disclose: string[]) {
  const { city, citizen, resolver } = await createParties('EdDSA', 'ES256')
  const { token } = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    ...build,
    holder: citizen.did, // the templates' example subject is not this test's citizen

    clock,
    validFor: YEAR,
  })
  const presented = await createPresentation({
    holder: citizen,
    credentials: [token],
    disclose,
    audience,
    nonce,
    clock,
  })
  const verified = await verifyPresentation(presented.token, { resolver, audience, nonce, clock })
  const {
    iss: _iss,
    iat: _iat,
    exp: _exp,
    cnf: _cnf,
    sub: _sub,
    ...shown
  } = verified.credentials[0]?.credential ?? {}
  return { shown, token }
}

const resident = (birthDate: string) =>
  residency.buildSdJwt(
    {
      subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      givenName: 'Mari',
      familyName: 'Tamm',
      birthDate,
      nationality: 'EE',
      residencyStatus: 'permanent',
      residentSince: '2015-09-01',
      issuingCity: 'Tartu',
      documentNumber: 'TRT-000417',
      address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
    },
    { clock },
  )

describe('SD-JWT VC templates', () => {
  it('behavior: residency proves over 18 without the birth date, and nothing personal shows by default', async () => {
    const { shown, token } = await presentOnly(resident('2008-11-24'), ['age_equal_or_over.18'])
    expect(shown).toEqual({ vct: residency.vct, issuingCity: 'Tartu', age_equal_or_over: { '18': false } })
    const { jwt } = decodeSdJwt(token)
    expect(JSON.stringify(jwt.payload)).not.toMatch(/Mari|Tamm|2008|TRT|Raekoja/)
    // Six thresholds plus at least one decoy in the predicates' _sd.
    const predicates = jwt.payload.age_equal_or_over as { _sd: string[] }
    expect(predicates._sd.length).toBeGreaterThan(6)
  })

  it('behavior: residency age predicates are computed as of the clock, 19 for Korea included', async () => {
    const { credential } = resident('2007-11-23')
    expect(credential.age_equal_or_over).toEqual({
      '14': true,
      '16': true,
      '18': true,
      '19': true,
      '21': false,
      '65': false,
    })
    expect(resident('2007-11-24').credential.age_equal_or_over).toMatchObject({ '18': true, '19': false })
  })

  it('behavior: healthAccess shows only the scopes the patient picks', async () => {
    const build = healthAccess.buildSdJwt({
      subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      provider: 'did:web:clinic.example',
      providerName: 'Harbour Clinic',
      scopes: ['imaging', 'prescriptions', 'lab-results'],
      purpose: 'follow-up',
      period: { start: '2026-12-01', end: '2026-12-31' },
    })
    const { shown } = await presentOnly(build, ['scopes.2'])
    expect(shown.scopes).toEqual(['lab-results'])
    expect(shown.provider).toBe('did:web:clinic.example')
  })

  it('behavior: quarantinePass shows clearance and window, and nothing of the medical basis', async () => {
    const build = quarantinePass.buildSdJwt({
      subject: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      destination: 'Jeju',
      clearance: 'cleared',
      basis: { kind: 'test', testType: 'PCR', result: 'negative', date: '2026-11-21' },
      window: { start: '2026-11-22', end: '2026-11-27' },
      healthAuthority: 'KDCA',
      validUntil: '2026-11-27T23:59:59Z',
    })
    const { shown } = await presentOnly(build, [])
    expect(shown).toEqual({
      vct: quarantinePass.vct,
      clearance: 'cleared',
      window: { start: '2026-11-22', end: '2026-11-27' },
    })
    expect(build.credential.exp).toBe(Date.parse('2026-11-27T23:59:59Z') / 1000)
  })
})
