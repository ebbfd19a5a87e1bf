import { credentialFormats } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { formatSamples, sampleClock } from '../../../../test/support/formatSamples.js'
import type { CheckExpectations, TrustPolicy } from '../types.js'
import { checkCredential } from './checkCredential.js'
import { detectInput } from './detectInput.js'
import { POLICY_CHECKS } from './reportBuilder.js'
import { createVerifierSetting } from './verifierSetting.js'

async function contextFor(
  format: (typeof credentialFormats)[number]['format'],
  trustOf: (issuer: string) => TrustPolicy,
  expectations: CheckExpectations = {},
  edit: (token: string) => string = (token) => token,
) {
  const { credential, resolver, city } = await formatSamples(format)
  const setting = await createVerifierSetting({ resolver, trust: trustOf(city.did) })()
  return {
    ...detectInput(edit(credential), 'optional'),
    expectations,
    setting,
    verification: { clock: sampleClock },
  }
}

describe('checkCredential', () => {
  for (const { format, checks } of credentialFormats) {
    it(`behavior: a trusted ${format} credential passes its format's checks, then the policy's`, async () => {
      const report = await checkCredential(await contextFor(format, (city) => ({ ResidencyCard: [city] })))
      expect(report).toMatchObject({ ok: true, kind: 'credential', types: ['ResidencyCard'] })
      expect(report.checks.map(({ name, status }) => [name, status])).toEqual(
        [...checks.credential, ...POLICY_CHECKS].map((name) => [name, 'passed']),
      )
    })

    it(`error: a ${format} credential whose signature is altered fails signature with ERR_SIGNATURE_INVALID`, async () => {
      // The last signature character changes: the token still parses, the signature no longer verifies.
      const flip = (token: string) => {
        const end = token.includes('~') ? token.indexOf('~') : token.length
        const last = token[end - 1] === 'A' ? 'Q' : 'A'
        return `${token.slice(0, end - 1)}${last}${token.slice(end)}`
      }
      const report = await checkCredential(await contextFor(format, () => 'any', {}, flip))
      expect(report.ok).toBe(false)
      expect(report.checks.find((check) => check.status === 'failed')).toMatchObject({
        name: 'signature',
        code: 'ERR_SIGNATURE_INVALID',
      })
      expect(report.error?.code).toBe('ERR_SIGNATURE_INVALID')
    })
  }

  it('error: an untrusted issuer fails trust with ERR_UNTRUSTED_ISSUER and vouches for no type', async () => {
    const report = await checkCredential(
      await contextFor('vc+jwt', () => ({ ResidencyCard: ['did:web:x.example'] })),
    )
    expect(report).toMatchObject({ ok: false, types: [], error: { code: 'ERR_UNTRUSTED_ISSUER' } })
  })
})
