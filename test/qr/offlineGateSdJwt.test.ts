import { fixedClock } from '@civitas/core'
import { createPresentation, decodeSdJwt, issueCredential } from '@civitas/credentials'
import { quarantinePass, residency } from '@civitas/credentials/templates'
import { createMemoryKeyStore, decodeJws, signJws } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  createTokenStatusList,
  issueStatusListToken,
} from '@civitas/status-list'
import { createTrustBundle, createVerifier, type Report } from '@civitas/verifier'
import { checkQrImage } from '@civitas/verifier/scan'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The Jeju gate again, with SD-JWT VC passes: trust by `vct`, status from IETF Token Status Lists
// (`statuslist+jwt`) carried in the ministry's bundle, and no network at all.
const NOW = Date.parse('2026-11-23T09:00:00Z')
const DAY = 24 * 3600_000
const clock = fixedClock(NOW)
const audience = 'https://gate.seongsan.example'
const VCT = quarantinePass.vct

const fetched: string[] = []
const realFetch = globalThis.fetch
beforeAll(() => {
  globalThis.fetch = (async (input: unknown) => {
    fetched.push(String(input))
    throw new TypeError('network disabled: the gate is offline')
  }) as typeof fetch
})
afterAll(() => {
  globalThis.fetch = realFetch
})

async function island() {
  const keyStore = createMemoryKeyStore()
  const ministry = await createDidKey({ keyStore, alg: 'ES256' })
  const health = await createDidKey({ keyStore, alg: 'EdDSA' })
  const traveller = await createDidKey({ keyStore, alg: 'ES256' })
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: health,
    baseUrl: 'https://health.jeju.example/token-status',
    format: 'statuslist+jwt',
    clock,
  })
  const pass = await issueCredential({
    issuer: health,
    format: 'dc+sd-jwt',
    ...quarantinePass.buildSdJwt(
      {
        subject: traveller.did,
        destination: 'Jeju',
        clearance: 'cleared',
        healthAuthority: 'Jeju Special Self-Governing Province',
        basis: { kind: 'test', testType: 'PCR', result: 'negative', date: '2026-11-20' },
        window: { start: '2026-11-21', end: '2026-11-27' },
      },
      { clock },
    ),
    clock,
    validFor: 14 * DAY,
    status,
  })
  const { uri } = (decodeSdJwt(pass.token).jwt.payload.status as { status_list: { uri: string } }).status_list
  const [listId = ''] = await status.registry.listIds()
  const list = async () => (await status.publish(listId))?.token ?? ''
  const bundle = async (
    lists: readonly string[],
    types: readonly string[] = [VCT],
    issuer: Identity = health,
  ) =>
    (
      await createTrustBundle({
        authority: ministry,
        issuers: [{ id: issuer.did, types, name: 'Jeju Health Authority' }],
        lists,
        validForMs: DAY,
        clock,
      })
    ).token
  // Key binding to the gate; only the always-visible claims (clearance, window, validity) are shown.
  const nonce = 'n-gate-sd-0001'
  const presentation = (
    await createPresentation({
      holder: traveller,
      credentials: [pass.token],
      disclose: [],
      audience,
      nonce,
      clock,
    })
  ).token
  const png = renderQr(encodeQr(presentation), { format: 'png', scale: 4 })
  return { keyStore, ministry, health, status, pass, uri, list, bundle, nonce, presentation, png }
}

const failed = (report: Report) => report.checks.find((check) => check.status === 'failed')

describe('an offline gate with a trust bundle, for SD-JWT VC passes and token status lists', () => {
  it('behavior: a key-bound SD-JWT pass scanned from a PNG is accepted offline, showing clearance and validity only', async () => {
    const { ministry, list, bundle, nonce, png, presentation } = await island()
    // The issuer-signed JWT and the key-binding JWT, no disclosure: destination and basis stay hidden.
    expect(presentation.split('~')).toHaveLength(2)
    const gate = createVerifier({
      bundle: await bundle([await list()]),
      bundleAuthority: ministry.did,
      clock,
    })
    const report = await checkQrImage(gate, png, { audience, nonce, types: [VCT] })
    expect(report.ok).toBe(true)
    expect(report.checks.find((check) => check.name === 'status')?.status).toBe('passed')
    expect(report.types).toEqual([VCT])
    expect(report.claims).toEqual({
      clearance: 'cleared',
      window: { start: '2026-11-21', end: '2026-11-27' },
    })
    expect(fetched).toEqual([])
  })

  it('behavior: after the issuer revokes and a new bundle is published, the same presentation is ERR_CREDENTIAL_REVOKED', async () => {
    const { ministry, status, pass, list, bundle, nonce, png } = await island()
    const before = await bundle([await list()])
    await status.revoke(pass.id ?? '', { actor: 'officer@health.jeju.example', reason: 'positive retest' })
    const after = await bundle([await list()])
    const oldGate = createVerifier({ bundle: before, bundleAuthority: ministry.did, clock })
    const newGate = createVerifier({ bundle: after, bundleAuthority: ministry.did, clock })
    // A gate still on yesterday's bundle cannot know; the new bundle carries the revocation.
    expect((await checkQrImage(oldGate, png, { audience, nonce, types: [VCT] })).ok).toBe(true)
    const report = await checkQrImage(newGate, png, { audience, nonce, types: [VCT] })
    expect(report.ok).toBe(false)
    expect(failed(report)).toMatchObject({ name: 'status', code: 'ERR_CREDENTIAL_REVOKED' })
    expect(fetched).toEqual([])
  })

  it('behavior: bundle trust and a trust policy agree: both trust by vct, not by the W3C type name', async () => {
    const { ministry, health, list, bundle, nonce, png } = await island()
    const lists = [await list()]
    const direct = (trust: Record<string, string[]>) =>
      createVerifier({ resolver: createResolver(), trust, status: { lists }, clock })
    const byVct = [
      createVerifier({ bundle: await bundle(lists), bundleAuthority: ministry.did, clock }),
      direct({ [VCT]: [health.did] }),
    ]
    for (const gate of byVct) expect((await checkQrImage(gate, png, { audience, nonce })).ok).toBe(true)
    const otherTypes = ['QuarantinePass', residency.vct]
    const notForThisVct = [
      createVerifier({ bundle: await bundle(lists, otherTypes), bundleAuthority: ministry.did, clock }),
      direct(Object.fromEntries(otherTypes.map((type) => [type, [health.did]]))),
    ]
    for (const gate of notForThisVct) {
      const report = await checkQrImage(gate, png, { audience, nonce })
      expect(report.ok).toBe(false)
      expect(failed(report)).toMatchObject({ name: 'trust', code: 'ERR_UNTRUSTED_ISSUER' })
    }
    expect(fetched).toEqual([])
  })

  it('error: a vct the bundle does not list for the issuer is refused with ERR_UNTRUSTED_ISSUER', async () => {
    const { ministry, keyStore, list, bundle, nonce, png } = await island()
    const otherIssuer = await createDidKey({ keyStore, alg: 'EdDSA' })
    for (const token of [
      await bundle([await list()], [residency.vct]),
      await bundle([], [VCT], otherIssuer),
    ]) {
      const gate = createVerifier({ bundle: token, bundleAuthority: ministry.did, clock })
      const report = await checkQrImage(gate, png, { audience, nonce, types: [VCT] })
      expect(report.ok).toBe(false)
      expect(failed(report)).toMatchObject({ name: 'trust', code: 'ERR_UNTRUSTED_ISSUER' })
    }
    expect(fetched).toEqual([])
  })

  it('error: a statuslist+jwt token not signed by a bundled issuer is refused, by createTrustBundle and by the gate', async () => {
    const { ministry, health, keyStore, status, pass, uri, list, bundle, nonce, png } = await island()
    await status.revoke(pass.id ?? '', { actor: 'officer@health.jeju.example', reason: 'positive retest' })
    const genuine = await bundle([await list()])
    // An impostor publishes an all-valid list under the health authority's URI.
    const impostor = await createDidKey({ keyStore, alg: 'EdDSA' })
    const allValid = createTokenStatusList({ bits: 2 })
    const foreign = (await issueStatusListToken({ issuer: impostor, uri, list: allValid, clock })).token
    // ...and once more claiming to be the health authority, under its key id.
    const { header, payload } = decodeJws(foreign)
    const { alg: _alg, ...rest } = header
    const claimed = await signJws({
      header: { ...rest, kid: health.kid },
      payload: { ...payload, iss: health.did },
      signer: impostor.signer,
    })
    for (const [token, reason] of [
      [foreign, 'ERR_UNTRUSTED_ISSUER'],
      [claimed, 'ERR_STATUS_LIST_INVALID'],
    ] as const) {
      await expect(bundle([token])).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
        details: { index: 0, reason },
      })
    }
    // The ministry's key signs a bundle that was not made by createTrustBundle.
    const resign = async (lists: string[]) => {
      const { header: bundleHeader, payload: bundlePayload } = decodeJws(genuine)
      const { alg: _bundleAlg, ...bundleRest } = bundleHeader
      return signJws({
        header: bundleRest,
        payload: { ...bundlePayload, lists },
        signer: ministry.signer,
      })
    }
    for (const [lists, check, code] of [
      [[foreign], 'trust', 'ERR_TRUST_BUNDLE_INVALID'],
      [[claimed], 'status', 'ERR_STATUS_LIST_INVALID'],
    ] as const) {
      const gate = createVerifier({ bundle: await resign([...lists]), bundleAuthority: ministry.did, clock })
      const report = await checkQrImage(gate, png, { audience, nonce, types: [VCT] })
      expect(report.ok).toBe(false)
      expect(failed(report)).toMatchObject({ name: check, code })
    }
    expect(fetched).toEqual([])
  })
})
