import { credentialFormats } from '@civitas/credentials'
import { createMemoryNonceStore } from '@civitas/sign-in'
import { describe, expect, it } from 'vitest'
import {
  formatSamples,
  SAMPLE_AUDIENCE,
  SAMPLE_NONCE,
  sampleClock,
} from '../../../../test/support/formatSamples.js'
import type { CheckExpectations, TrustPolicy } from '../types.js'
import { checkPresentation } from './checkPresentation.js'
import { detectInput } from './detectInput.js'
import { POLICY_CHECKS } from './reportBuilder.js'
import { createVerifierSetting } from './verifierSetting.js'

async function contextFor(
  format: (typeof credentialFormats)[number]['format'],
  trustOf: (issuer: string) => TrustPolicy,
  expectations: CheckExpectations = { audience: SAMPLE_AUDIENCE, nonce: SAMPLE_NONCE },
) {
  const { presentation, resolver, city, citizen } = await formatSamples(format)
  const setting = await createVerifierSetting({ resolver, trust: trustOf(city.did) })()
  return {
    citizen,
    context: {
      ...detectInput(presentation, 'required'),
      expectations,
      setting,
      verification: { clock: sampleClock },
    },
  }
}

describe('checkPresentation', () => {
  for (const { format, checks } of credentialFormats) {
    it(`behavior: a ${format} presentation passes its format's checks and the policy's, with a report per credential`, async () => {
      const { context } = await contextFor(format, (city) => ({ ResidencyCard: [city] }))
      const report = await checkPresentation(context)
      expect(report).toMatchObject({ ok: true, kind: 'presentation', types: ['ResidencyCard'] })
      expect(report.checks.map(({ name, status }) => [name, status])).toEqual(
        [...checks.presentation, ...POLICY_CHECKS].map((name) => [name, 'passed']),
      )
      expect(report.credentials).toHaveLength(1)
      expect(report.credentials?.[0]?.checks.map((check) => check.name)).toEqual([
        ...checks.credential,
        ...POLICY_CHECKS,
      ])
      expect(report.credentials?.[0]?.ok).toBe(true)
    })

    it(`error: a ${format} presentation for another nonce fails nonce with ERR_NONCE_MISMATCH`, async () => {
      const { context } = await contextFor(format, () => 'any', {
        audience: SAMPLE_AUDIENCE,
        nonce: 'n-other',
      })
      const report = await checkPresentation(context)
      expect(report.checks.find((check) => check.status === 'failed')).toMatchObject({
        name: 'nonce',
        code: 'ERR_NONCE_MISMATCH',
      })
    })

    it(`error: an untrusted issuer in a ${format} presentation fails the presentation's trust check`, async () => {
      const { context } = await contextFor(format, () => ({ ResidencyCard: ['did:web:x.example'] }))
      const report = await checkPresentation(context)
      expect(report).toMatchObject({ ok: false, error: { code: 'ERR_UNTRUSTED_ISSUER' } })
      expect(report.checks.find((check) => check.name === 'trust')).toMatchObject({ status: 'failed' })
      expect(report.credentials?.[0]?.checks.find((check) => check.name === 'trust')).toMatchObject({
        status: 'failed',
        code: 'ERR_UNTRUSTED_ISSUER',
      })
    })
  }

  it('error: with a replay store, the same presentation checked twice fails nonce with ERR_NONCE_REPLAYED', async () => {
    const { context } = await contextFor('vc+jwt', () => 'any')
    const replay = createMemoryNonceStore({ clock: sampleClock })
    expect((await checkPresentation({ ...context, replay })).ok).toBe(true)
    const again = await checkPresentation({ ...context, replay })
    expect(again.checks.find((check) => check.status === 'failed')).toMatchObject({
      name: 'nonce',
      code: 'ERR_NONCE_REPLAYED',
    })
  })

  it('error: a credential on its own where holder binding is required fails parse with ERR_PRESENTATION_REQUIRED', async () => {
    const { credential, resolver } = await formatSamples('vc+jwt')
    const setting = await createVerifierSetting({ resolver, trust: 'any' })()
    const report = await checkPresentation({
      ...detectInput(credential, 'required'),
      expectations: { audience: SAMPLE_AUDIENCE, nonce: SAMPLE_NONCE },
      setting,
      verification: { clock: sampleClock },
    })
    expect(report.checks[0]).toMatchObject({
      name: 'parse',
      status: 'failed',
      code: 'ERR_PRESENTATION_REQUIRED',
    })
  })
})
