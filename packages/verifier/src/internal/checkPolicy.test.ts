import { verifyCredential } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { formatSamples, sampleClock } from '../../../../test/support/formatSamples.js'
import { checkPolicy } from './checkPolicy.js'
import { createReportBuilder, POLICY_CHECKS } from './reportBuilder.js'
import { createVerifierSetting } from './verifierSetting.js'

async function verified() {
  const { credential, resolver, city } = await formatSamples('vc+jwt')
  return { city, resolver, credential: await verifyCredential(credential, { resolver, clock: sampleClock }) }
}

const policyChecks = (report: ReturnType<ReturnType<typeof createReportBuilder>['finish']>) =>
  report.checks.filter((check) => (POLICY_CHECKS as readonly string[]).includes(check.name))

describe('checkPolicy', () => {
  it('behavior: every policy check passes in order, and the trusted types come back', async () => {
    const { city, resolver, credential } = await verified()
    const setting = await createVerifierSetting({ resolver, trust: { ResidencyCard: [city.did] } })()
    const report = createReportBuilder('credential')
    const types = await checkPolicy(credential, { types: ['ResidencyCard'] }, report, setting)
    expect(types).toEqual(['ResidencyCard'])
    expect(policyChecks(report.finish({})).map(({ name, status }) => [name, status])).toEqual(
      POLICY_CHECKS.map((name) => [name, 'passed']),
    )
  })

  it('error: an untrusted issuer fails trust with ERR_UNTRUSTED_ISSUER and skips the checks after it', async () => {
    const { resolver, credential } = await verified()
    const setting = await createVerifierSetting({
      resolver,
      trust: { ResidencyCard: ['did:web:other.example'] },
    })()
    const report = createReportBuilder('credential')
    expect(await checkPolicy(credential, {}, report, setting)).toBeUndefined()
    expect(policyChecks(report.finish({})).map(({ name, status, code }) => [name, status, code])).toEqual([
      ['trust', 'failed', 'ERR_UNTRUSTED_ISSUER'],
      ['status', 'skipped', undefined],
      ['type', 'skipped', undefined],
      ['claims', 'skipped', undefined],
    ])
  })

  it('error: a missing required claim fails claims with ERR_CLAIM_MISSING after the others passed', async () => {
    const { resolver, credential } = await verified()
    const setting = await createVerifierSetting({ resolver, trust: 'any' })()
    const report = createReportBuilder('credential')
    expect(await checkPolicy(credential, { requiredClaims: ['shoeSize'] }, report, setting)).toBeUndefined()
    expect(policyChecks(report.finish({})).map(({ status }) => status)).toEqual([
      'passed',
      'passed',
      'passed',
      'failed',
    ])
  })
})
