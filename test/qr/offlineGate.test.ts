import { fixedClock } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { quarantinePass } from '@civitas/credentials/templates'
import { createMemoryKeyStore, createSigner } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { createDidWebDocument } from '@civitas/did/web'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createTrustBundle, createVerifier, type Report } from '@civitas/verifier'
import { checkQrImage } from '@civitas/verifier/scan'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jpeg, pad, pngPixels, rotate, scale } from '../support/qrImages.js'

// A tourist site's gate on Jeju checks quarantine passes with no network at all: a health ministry's
// signed trust bundle carries the issuers, their DID documents and their status lists.
const NOW = Date.parse('2026-11-23T09:00:00Z')
const DAY = 24 * 3600_000
const clock = fixedClock(NOW)
const audience = 'https://gate.seongsan.example'

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
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: health,
    baseUrl: 'https://health.jeju.example/status',
    clock,
  })
  const travellers = [
    await createDidKey({ keyStore, alg: 'ES256' }),
    await createDidKey({ keyStore, alg: 'ES256' }),
  ]
  const passes: Awaited<ReturnType<typeof issueCredential>>[] = []
  for (const traveller of travellers) {
    const credential = quarantinePass.build({
      subject: traveller.did,
      destination: 'Jeju',
      clearance: 'cleared',
      healthAuthority: 'Jeju Special Self-Governing Province',
      basis: { kind: 'test', testType: 'PCR', result: 'negative', date: '2026-11-20' },
      window: { start: '2026-11-21', end: '2026-12-05' },
    })
    passes.push(await issueCredential({ issuer: health, credential, clock, validFor: 14 * DAY, status }))
  }
  await status.revoke(passes[1]?.id ?? '', {
    actor: 'officer@health.jeju.example',
    reason: 'positive retest',
  })
  const [listId = ''] = await status.registry.listIds()
  const list = (await status.publish(listId))?.token ?? ''
  const bundle = async (signer = ministry, validForMs = DAY) =>
    (
      await createTrustBundle({
        authority: signer,
        issuers: [{ id: health.did, types: ['QuarantinePass'], name: 'Jeju Health Authority' }],
        lists: [list],
        validForMs,
        clock,
      })
    ).token
  const present = async (index: number, nonce: string) =>
    (
      await createPresentation({
        holder: travellers[index] as (typeof travellers)[number],
        credentials: [passes[index]?.token ?? ''],
        audience,
        nonce,
        clock,
      })
    ).token
  return { keyStore, ministry, health, bundle, present }
}

const failed = (report: Report) => report.checks.find((check) => check.status === 'failed')

describe('an offline gate with a trust bundle', () => {
  it('behavior: a pass scanned from a PNG, and from a photo-like JPEG, is accepted with fetch disabled', async () => {
    const { ministry, bundle, present } = await island()
    const gate = createVerifier({ bundle: await bundle(), bundleAuthority: ministry.did, clock })
    const nonce = 'n-gate-0001-ok'
    const text = encodeQr(await present(0, nonce))
    const png = renderQr(text, { format: 'png', scale: 4 })
    const photo = jpeg(pad(rotate(scale(pngPixels(png), 0.8), 5), 60, [200, 210, 190]), 50)
    for (const image of [png, photo]) {
      const report = await checkQrImage(gate, image, { audience, nonce, types: ['QuarantinePass'] })
      expect(report.ok).toBe(true)
      expect(report.claims).toMatchObject({ clearance: 'cleared', destination: 'Jeju' })
    }
    expect(fetched).toEqual([])
  })

  it('behavior: an issuer on did:web is resolved from the bundle, never from its web server', async () => {
    const keyStore = createMemoryKeyStore()
    const ministry = await createDidKey({ keyStore, alg: 'ES256' })
    const traveller = await createDidKey({ keyStore, alg: 'ES256' })
    const did = 'did:web:health.jeju.example' as const
    const key = await keyStore.createKey({ alg: 'EdDSA' })
    const didDocument = createDidWebDocument({ did, keys: [key] })
    const kid = didDocument.verificationMethod?.[0]?.id ?? ''
    const health = { did, kid, signer: await createSigner({ keyStore, keyId: key.id, kid }) }
    const credential = quarantinePass.build({
      subject: traveller.did,
      destination: 'Jeju',
      clearance: 'cleared',
      healthAuthority: 'Jeju Special Self-Governing Province',
      basis: { kind: 'vaccination', product: 'mRNA', doses: 3, lastDose: '2026-06-01' },
      window: { start: '2026-11-21', end: '2026-12-05' },
    })
    const pass = await issueCredential({ issuer: health, credential, clock, validFor: DAY })
    const { token: bundle } = await createTrustBundle({
      authority: ministry,
      issuers: [{ id: did, types: ['QuarantinePass'], didDocument }],
      validForMs: DAY,
      clock,
    })
    const nonce = 'n-gate-0005-web'
    const { token } = await createPresentation({
      holder: traveller,
      credentials: [pass.token],
      audience,
      nonce,
      clock,
    })
    const gate = createVerifier({ bundle, bundleAuthority: ministry.did, clock })
    const report = await gate.check(encodeQr(token), { audience, nonce, types: ['QuarantinePass'] })
    expect(report.ok).toBe(true)
    expect(report.issuer).toBe(did)
    expect(fetched).toEqual([])
  })

  it('error: a pass revoked in the bundled status list is refused with ERR_CREDENTIAL_REVOKED', async () => {
    const { ministry, bundle, present } = await island()
    const gate = createVerifier({ bundle: await bundle(), bundleAuthority: ministry.did, clock })
    const nonce = 'n-gate-0002-rv'
    const png = renderQr(encodeQr(await present(1, nonce)), { format: 'png', scale: 4 })
    const report = await checkQrImage(gate, png, { audience, nonce, types: ['QuarantinePass'] })
    expect(report.ok).toBe(false)
    expect(failed(report)).toMatchObject({ name: 'status', code: 'ERR_CREDENTIAL_REVOKED' })
    expect(fetched).toEqual([])
  })

  it('error: expired, stale, foreign and tampered bundles fail the trust check with their codes', async () => {
    const { keyStore, ministry, bundle, present } = await island()
    const nonce = 'n-gate-0003-bd'
    const text = encodeQr(await present(0, nonce))
    const impostor = await createDidKey({ keyStore, alg: 'ES256' })
    const genuine = await bundle()
    const [header, payload, signature] = genuine.split('.')
    const tampered = `${header}.${payload?.slice(0, -4)}AAAA.${signature}`
    const cases: [Parameters<typeof createVerifier>[0], string][] = [
      [
        {
          bundle: await bundle(ministry, 3600_000),
          bundleAuthority: ministry.did,
          clock: fixedClock(NOW + 2 * 3600_000),
        },
        'ERR_TRUST_BUNDLE_EXPIRED',
      ],
      [
        {
          bundle: genuine,
          bundleAuthority: ministry.did,
          clock: fixedClock(NOW + 7 * 3600_000),
          bundleMaxAgeMs: 6 * 3600_000,
        },
        'ERR_TRUST_BUNDLE_STALE',
      ],
      [
        { bundle: await bundle(impostor), bundleAuthority: ministry.did, clock },
        'ERR_TRUST_BUNDLE_UNTRUSTED',
      ],
      [{ bundle: tampered, bundleAuthority: ministry.did, clock }, 'ERR_TRUST_BUNDLE_INVALID'],
    ]
    for (const [options, code] of cases) {
      const report = await createVerifier(options).check(text, { audience, nonce })
      expect(report.ok).toBe(false)
      expect(failed(report)).toMatchObject({ name: 'trust', code })
    }
    expect(fetched).toEqual([])
  })

  it('error: an issuer the bundle does not list, or a type it is not trusted for, is ERR_UNTRUSTED_ISSUER', async () => {
    const { ministry, health, present } = await island()
    const nonce = 'n-gate-0004-ut'
    const text = encodeQr(await present(0, nonce))
    for (const issuers of [[], [{ id: health.did, types: ['ResidencyCard'] }]]) {
      const { token } = await createTrustBundle({ authority: ministry, issuers, validForMs: DAY, clock })
      const report = await createVerifier({ bundle: token, bundleAuthority: ministry.did, clock }).check(
        text,
        {
          audience,
          nonce,
        },
      )
      expect(failed(report)).toMatchObject({ name: 'trust', code: 'ERR_UNTRUSTED_ISSUER' })
    }
  })

  it('error: a bundle without its authority, or with a trust policy too, is a programmer error', async () => {
    const { ministry, bundle } = await island()
    const token = await bundle()
    for (const options of [
      { bundle: token },
      { bundle: token, bundleAuthority: ministry.did, trust: 'any' as const },
      {},
    ]) {
      expect(() => createVerifier(options)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
    }
  })
})
