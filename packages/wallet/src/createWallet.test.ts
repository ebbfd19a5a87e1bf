import { residencyCard } from '@civitas/cli/demo'
import { encodeBase64url, encodeUtf8, fixedClock } from '@civitas/core'
import { issueCredential, verifyPresentation } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { decodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { scanQr } from '@civitas/qr/scan'
import { describe, expect, it } from 'vitest'
import { createMemoryCredentialStore } from './createMemoryCredentialStore.js'
import { createWallet } from './createWallet.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const YEAR = 365 * 24 * 3600 * 1000
const clock = fixedClock(NOW)

async function setting() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const credentialStore = createMemoryCredentialStore()
  const wallet = createWallet({ identity: citizen, credentialStore, resolver, clock })
  const { token } = await issueCredential({
    issuer: city,
    credential: residencyCard(citizen.did),
    clock,
    validFor: YEAR,
  })
  return { city, citizen, resolver, credentialStore, wallet, token }
}

describe('createWallet', () => {
  it("behavior: present with as: 'qr' adds QR text that decodes to exactly the token, renders and scans back", async () => {
    const { wallet, token, resolver } = await setting()
    await wallet.receive(token)
    const options = { type: 'ResidencyCard', audience: 'https://hotel.example', nonce: 'n-qr-1' }
    const shown = await wallet.present({ ...options, as: 'qr', errorCorrection: 'Q' })
    expect(shown.qr.startsWith('CV1:')).toBe(true)
    expect(decodeQr(shown.qr)).toBe(shown.token)
    expect(await scanQr(renderQr(shown.qr, { format: 'png', errorCorrection: 'Q', scale: 3 }))).toBe(shown.qr)
    await expect(
      verifyPresentation(decodeQr(shown.qr), {
        resolver,
        clock,
        audience: options.audience,
        nonce: options.nonce,
      }),
    ).resolves.toBeDefined()
    expect(await wallet.present(options)).not.toHaveProperty('qr')
  })

  it('behavior: receive verifies and stores; present makes a presentation the verifier accepts', async () => {
    const { wallet, token, resolver, citizen, city } = await setting()
    const record = await wallet.receive(token)
    expect(record).toMatchObject({
      issuer: city.did,
      subject: citizen.did,
      types: ['VerifiableCredential', 'ResidencyCard'],
    })
    expect(await wallet.query({ type: 'ResidencyCard', issuer: city.did, validAt: NOW })).toHaveLength(1)
    expect(await wallet.query({ type: 'MembershipCard' })).toEqual([])
    const { token: presentation } = await wallet.present({
      type: 'ResidencyCard',
      audience: 'https://hotel.example',
      nonce: 'n-1',
    })
    const verified = await verifyPresentation(presentation, {
      resolver,
      clock,
      audience: 'https://hotel.example',
      nonce: 'n-1',
    })
    expect(verified.holder).toBe(citizen.did)
    const byId = await wallet.present({
      credentials: [record.id],
      audience: 'https://hotel.example',
      nonce: 'n-2',
    })
    expect(byId.format).toBe('vc+jwt')
    expect(await wallet.remove(record.id)).toBe(true)
    expect(await wallet.list()).toEqual([])
  })

  it('error: a tampered credential is refused with its code and nothing is stored', async () => {
    const { wallet, token } = await setting()
    const [header, , signature] = token.split('.')
    const forged = `${header}.${encodeBase64url(encodeUtf8('{"issuer":"did:example:x"}'))}.${signature}`
    await expect(wallet.receive(forged)).rejects.toHaveProperty('code')
    expect(await wallet.list()).toEqual([])
  })

  it('error: an expired credential is refused with ERR_CREDENTIAL_EXPIRED', async () => {
    const { citizen, resolver, token } = await setting()
    const later = createWallet({
      identity: citizen,
      credentialStore: createMemoryCredentialStore(),
      resolver,
      clock: fixedClock(NOW + 2 * YEAR),
    })
    await expect(later.receive(token)).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_EXPIRED' })
  })

  it("error: someone else's credential is refused with ERR_HOLDER_MISMATCH unless bearer is allowed", async () => {
    const { resolver, token } = await setting()
    const stranger = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const wallet = createWallet({
      identity: stranger,
      credentialStore: createMemoryCredentialStore(),
      resolver,
      clock,
    })
    await expect(wallet.receive(token)).rejects.toMatchObject({ code: 'ERR_HOLDER_MISMATCH' })
    await expect(wallet.receive(token, { allowBearer: true })).resolves.toBeDefined()
  })

  it('error: presenting what the wallet does not hold is ERR_CREDENTIAL_NOT_FOUND, not a storage failure', async () => {
    const { wallet } = await setting()
    await expect(wallet.present({ type: 'ResidencyCard', audience: 'a', nonce: 'n' })).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_NOT_FOUND',
    })
    await expect(
      wallet.present({ credentials: ['urn:missing'], audience: 'a', nonce: 'n' }),
    ).rejects.toMatchObject({ code: 'ERR_CREDENTIAL_NOT_FOUND' })
  })
})
