import { fixedClock } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createVerifier } from './createVerifier.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const audience = 'https://bar.example'
const nonce = 'n-verifier-sdjwt1'

async function setting() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const { token } = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: {
      vct: 'urn:civitas:vct:test:1',
      sub: citizen.did,
      given_name: 'Mari',
      age_equal_or_over: { '18': true, '21': false },
    },
    disclosable: ['given_name', 'age_equal_or_over.18', 'age_equal_or_over.21'],
    clock,
    validFor: 3600_000,
  })
  const verifier = createVerifier({ resolver, clock, trust: { 'urn:civitas:vct:test:1': [city.did] } })
  const present = (disclose: string[]) =>
    createPresentation({ holder: citizen, credentials: [token], disclose, audience, nonce, clock })
  return { city, citizen, token, verifier, present }
}

const statuses = (report: { checks: { name: string; status: string; code?: string }[] }) =>
  Object.fromEntries(report.checks.map((check) => [check.name, check.code ?? check.status]))

describe('createVerifier with SD-JWT VCs', () => {
  it('behavior: a presentation report lists the SD-JWT checks, and required disclosed claims pass', async () => {
    const { verifier, present, citizen, city } = await setting()
    const { token } = await present(['age_equal_or_over.18'])
    const report = await verifier.check(token, { audience, nonce, requiredClaims: ['age_equal_or_over.18'] })
    expect(report.ok).toBe(true)
    expect(report.kind).toBe('presentation')
    expect(report.holder).toBe(citizen.did)
    expect(report.issuer).toBe(city.did)
    expect(report.claims).toEqual({ age_equal_or_over: { '18': true } })
    expect(report.checks.map((check) => check.name)).toEqual([
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
    ])
    expect(report.credentials?.[0]?.checks.map((check) => check.name)).toContain('disclosures')
  })

  it('error: a required claim the holder did not disclose fails the claims check with ERR_CLAIM_MISSING', async () => {
    const { verifier, present } = await setting()
    const { token } = await present(['given_name'])
    const report = await verifier.check(token, { audience, nonce, requiredClaims: ['age_equal_or_over.18'] })
    expect(report.ok).toBe(false)
    expect(statuses(report).claims).toBe('ERR_CLAIM_MISSING')
  })

  it('error: a stale or tampered key binding is reported with its code', async () => {
    const { verifier, present, token: credential } = await setting()
    const { token } = await present([])
    const stale = await createVerifier({
      resolver: createResolver(),
      clock: fixedClock(NOW + 600_000),
      trust: 'any',
    }).check(token, { audience, nonce })
    expect(statuses(stale).freshness).toBe('ERR_PRESENTATION_STALE')
    const sdJwt = token.slice(0, token.lastIndexOf('~') + 1)
    expect(sdJwt).not.toBe(credential)
    const tampered = await verifier.check(`${sdJwt}${token.slice(sdJwt.length, -4)}AAAA`, { audience, nonce })
    expect(statuses(tampered).keyBinding).toBe('ERR_KEY_BINDING_INVALID')
  })

  it('error: an SD-JWT presentation with its key-binding JWT cut off is ERR_KEY_BINDING_MISSING wherever an audience or nonce is expected', async () => {
    const { verifier, present } = await setting()
    const { token } = await present(['given_name'])
    // The text up to the last ~: the issuer-signed JWT and the disclosures, without the holder's proof.
    const cut = token.slice(0, token.lastIndexOf('~') + 1)
    for (const expectations of [
      { audience, nonce },
      { audience: 'https://anyone.example', nonce: 'n-anything-at-all' },
      { audience },
      { nonce },
      { holderBinding: 'required' as const },
    ]) {
      const report = await verifier.check(cut, expectations)
      expect(report).toMatchObject({ ok: false, kind: 'presentation' })
      expect(report.error?.code).toBe('ERR_KEY_BINDING_MISSING')
      expect(statuses(report).parse).toBe('ERR_KEY_BINDING_MISSING')
      expect(report.claims).toBeUndefined()
    }
    const strict = createVerifier({
      resolver: createResolver(),
      clock,
      trust: 'any',
      holderBinding: 'required',
    })
    expect((await strict.check(cut)).error?.code).toBe('ERR_KEY_BINDING_MISSING')
  })

  it('behavior: holderBinding optional checks an SD-JWT without key binding as a credential, on purpose', async () => {
    const { verifier, present } = await setting()
    const { token } = await present(['given_name'])
    const cut = token.slice(0, token.lastIndexOf('~') + 1)
    const report = await verifier.check(cut, { audience, nonce, holderBinding: 'optional' })
    expect(report).toMatchObject({ ok: true, kind: 'credential', claims: { given_name: 'Mari' } })
  })

  it('behavior: an issued SD-JWT VC checked as a credential reports disclosures and every claim', async () => {
    const { verifier, token } = await setting()
    const report = await verifier.check(token)
    expect(report.ok).toBe(true)
    expect(statuses(report)).toMatchObject({ disclosures: 'passed', validity: 'passed', trust: 'passed' })
    expect(report.claims).toEqual({ given_name: 'Mari', age_equal_or_over: { '18': true, '21': false } })
  })
})
