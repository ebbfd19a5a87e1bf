import { residencyCard } from '@civitas/cli/demo'
import { fixedClock, type JsonObject } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { encodeQr } from '@civitas/qr'
import { describe, expect, it } from 'vitest'
import { createTrustBundle } from './createTrustBundle.js'
import { createVerifier } from './createVerifier.js'
import type { CheckExpectations, Report } from './types.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const YEAR = 365 * 24 * 3600 * 1000
const clock = fixedClock(NOW)
const audience = 'https://bank.example'
const nonce = 'n-policy-4f1c9a'

/** A city that issues residency cards, a health office trusted only for quarantine passes, a citizen. */
async function scene(format: 'vc+jwt' | 'jwt_vc_json' = 'vc+jwt') {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const health = await createDidKey({ keyStore, alg: 'ES256' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const card = await issueCredential({
    issuer: city,
    credential: residencyCard(citizen.did),
    format,
    clock,
    validFor: YEAR,
  })
  // A genuine signature by the health office over a credential that also claims to be a residency card.
  const disguised = residencyCard(citizen.did) as JsonObject
  disguised.type = ['VerifiableCredential', 'QuarantinePass', 'ResidencyCard']
  const mixed = await issueCredential({
    issuer: health,
    credential: disguised,
    format,
    clock,
    validFor: YEAR,
  })
  const trust = { ResidencyCard: [city.did], QuarantinePass: [health.did] }
  const present = (token: string) =>
    createPresentation({ holder: citizen, credentials: [token], audience, nonce, format, clock }).then(
      (result) => result.token,
    )
  return { city, health, citizen, resolver, card: card.token, mixed: mixed.token, trust, present }
}

const failed = (report: Report) => report.checks.find((check) => check.status === 'failed')

describe('createVerifier policy: holder binding', () => {
  for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
    it(`error: a bare ${format} credential where an audience or nonce is expected is ERR_PRESENTATION_REQUIRED`, async () => {
      const { resolver, trust, card } = await scene(format)
      const verifier = createVerifier({ resolver, trust, clock })
      const lifted: CheckExpectations[] = [
        { audience, nonce },
        { audience },
        { nonce },
        { audience, nonce, types: ['ResidencyCard'] },
        // allowBearer relaxes subject matching inside a presentation, never the presentation itself.
        { audience, nonce, allowBearer: true },
      ]
      for (const input of [card, encodeQr(card)]) {
        for (const expectations of lifted) {
          const report = await verifier.check(input, expectations)
          expect(report).toMatchObject({ ok: false, kind: 'presentation' })
          expect(report.error?.code).toBe('ERR_PRESENTATION_REQUIRED')
          expect(failed(report)).toMatchObject({ name: 'parse', code: 'ERR_PRESENTATION_REQUIRED' })
          expect(report.claims).toBeUndefined()
        }
      }
    })
  }

  it('behavior: the same credential presented by its holder passes', async () => {
    const { resolver, trust, card, present, citizen } = await scene()
    const report = await createVerifier({ resolver, trust, clock }).check(await present(card), {
      audience,
      nonce,
    })
    expect(report).toMatchObject({ ok: true, kind: 'presentation', holder: citizen.did })
  })

  it('error: a verifier requiring holder binding refuses a bare credential even when a check names no audience', async () => {
    const { resolver, trust, card } = await scene()
    const gate = createVerifier({ resolver, trust, clock, holderBinding: 'required' })
    for (const expectations of [undefined, {}, { types: ['ResidencyCard'] }]) {
      expect((await gate.check(card, expectations)).error?.code).toBe('ERR_PRESENTATION_REQUIRED')
    }
  })

  it('behavior: holderBinding optional, set by the verifier or the check, accepts a bare credential on purpose', async () => {
    const { resolver, trust, card } = await scene()
    const byCheck = await createVerifier({ resolver, trust, clock }).check(card, {
      audience,
      nonce,
      holderBinding: 'optional',
    })
    expect(byCheck).toMatchObject({ ok: true, kind: 'credential' })
    const printedCards = createVerifier({ resolver, trust, clock, holderBinding: 'optional' })
    expect(await printedCards.check(card, { audience, nonce })).toMatchObject({
      ok: true,
      kind: 'credential',
    })
    // A check can still ask for more than the verifier's default.
    const strict = await printedCards.check(card, { holderBinding: 'required' })
    expect(strict.error?.code).toBe('ERR_PRESENTATION_REQUIRED')
  })

  it('behavior: without an audience, a nonce or a policy a bare credential is checked as a credential', async () => {
    const { resolver, trust, card } = await scene()
    const report = await createVerifier({ resolver, trust, clock }).check(card)
    expect(report).toMatchObject({ ok: true, kind: 'credential', types: ['ResidencyCard'] })
  })
})

describe('createVerifier policy: trust per type', () => {
  it('error: an issuer trusted for another type cannot pass as a residency card issuer by listing both types', async () => {
    for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
      const { resolver, trust, mixed, present } = await scene(format)
      const verifier = createVerifier({ resolver, trust, clock })
      const direct = await verifier.check(mixed, { types: ['ResidencyCard'] })
      expect(failed(direct)).toMatchObject({ name: 'trust', code: 'ERR_UNTRUSTED_ISSUER' })
      const presented = await verifier.check(await present(mixed), {
        audience,
        nonce,
        types: ['ResidencyCard'],
      })
      expect(presented.ok).toBe(false)
      expect(presented.error?.code).toBe('ERR_UNTRUSTED_ISSUER')
      expect(failed(presented.credentials?.[0] as Report)).toMatchObject({ name: 'trust' })
    }
  })

  it('error: the same holds with trust from a signed trust bundle', async () => {
    const { city, health, mixed, card, present } = await scene()
    const ministry = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const { token: bundle } = await createTrustBundle({
      authority: ministry,
      issuers: [
        { id: city.did, types: ['ResidencyCard'] },
        { id: health.did, types: ['QuarantinePass'] },
      ],
      validForMs: 24 * 3600_000,
      clock,
    })
    const gate = createVerifier({ bundle, bundleAuthority: ministry.did, clock })
    const expectations = { audience, nonce, types: ['ResidencyCard'] }
    const forged = await gate.check(await present(mixed), expectations)
    expect(forged.error?.code).toBe('ERR_UNTRUSTED_ISSUER')
    expect(await gate.check(await present(card), expectations)).toMatchObject({
      ok: true,
      types: ['ResidencyCard'],
    })
  })

  it('behavior: the report vouches only for the types trusted for the issuer (and accepted)', async () => {
    const { resolver, trust, mixed } = await scene()
    const report = await createVerifier({ resolver, trust, clock }).check(mixed)
    expect(report.ok).toBe(true)
    expect(report.types).toEqual(['QuarantinePass'])
    expect(report.listedTypes).toEqual(['VerifiableCredential', 'QuarantinePass', 'ResidencyCard'])
    const asked = await createVerifier({ resolver, trust, clock }).check(mixed, { types: ['QuarantinePass'] })
    expect(asked).toMatchObject({ ok: true, types: ['QuarantinePass'] })
  })

  it('behavior: a trust predicate is asked per accepted type', async () => {
    const { resolver, health, mixed } = await scene()
    const asked: string[] = []
    const trust = (credential: { issuer: string }, type: string) => {
      asked.push(type)
      return credential.issuer === health.did && type === 'QuarantinePass'
    }
    const verifier = createVerifier({ resolver, trust, clock })
    const report = await verifier.check(mixed, { types: ['ResidencyCard'] })
    expect(report.error?.code).toBe('ERR_UNTRUSTED_ISSUER')
    expect(asked).toEqual(['ResidencyCard'])
    expect(await verifier.check(mixed, { types: ['QuarantinePass'] })).toMatchObject({
      ok: true,
      types: ['QuarantinePass'],
    })
  })

  it('error: a trusted issuer of a type the check does not accept is still ERR_TYPE_NOT_ACCEPTED', async () => {
    const { resolver, trust, card } = await scene()
    const report = await createVerifier({ resolver, trust, clock }).check(card, { types: ['QuarantinePass'] })
    expect(failed(report)).toMatchObject({ name: 'type', code: 'ERR_TYPE_NOT_ACCEPTED' })
  })
})
