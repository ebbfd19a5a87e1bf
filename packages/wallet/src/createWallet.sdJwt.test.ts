import { fixedClock } from '@civitas/core'
import { issueCredential, verifyPresentation } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createMemoryCredentialStore } from './createMemoryCredentialStore.js'
import { createWallet } from './createWallet.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const audience = 'https://bar.example'
const nonce = 'n-wallet-sdjwt-01'

async function setting() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const wallet = createWallet({
    identity: citizen,
    credentialStore: createMemoryCredentialStore(),
    resolver,
    clock,
  })
  const built = residency.buildSdJwt(
    {
      subject: citizen.did,
      givenName: 'Mari',
      familyName: 'Tamm',
      birthDate: '1990-04-12',
      nationality: 'EE',
      residencyStatus: 'permanent',
      residentSince: '2015-09-01',
      issuingCity: 'Tartu',
      documentNumber: 'TRT-000417',
      address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
    },
    { clock },
  )
  const { token } = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    ...built,
    clock,
    validFor: 3600_000,
  })
  return { keyStore, city, citizen, resolver, wallet, token, built }
}

describe('createWallet with SD-JWT VCs', () => {
  it('behavior: stores the SD-JWT VC with every disclosure and presents any subset', async () => {
    const { wallet, token, resolver } = await setting()
    const record = await wallet.receive(token)
    expect(record).toMatchObject({ format: 'dc+sd-jwt', types: [residency.vct], token })
    const over18 = await wallet.present({
      type: residency.vct,
      audience,
      nonce,
      disclose: ['age_equal_or_over.18'],
    })
    const { credentials } = await verifyPresentation(over18.token, { resolver, audience, nonce, clock })
    expect(credentials[0]?.credential.age_equal_or_over).toEqual({ '18': true })
    expect(credentials[0]?.credential).not.toHaveProperty('birthDate')
    const named = await wallet.present({
      credentials: [record.id],
      audience,
      nonce,
      disclose: ['givenName', 'familyName'],
    })
    const shown = (await verifyPresentation(named.token, { resolver, audience, nonce, clock })).credentials[0]
      ?.credential
    expect(shown).toMatchObject({ givenName: 'Mari', familyName: 'Tamm' })
    expect(shown).not.toHaveProperty('age_equal_or_over.18')
  })

  it('error: an SD-JWT VC bound to another key is refused with ERR_HOLDER_MISMATCH', async () => {
    const { wallet, city, citizen, keyStore, built } = await setting()
    const other = await createDidKey({ keyStore, alg: 'ES256' })
    const { token } = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      ...built,
      holder: other.did,
      clock,
    })
    expect(built.credential.sub).toBe(citizen.did)
    await expect(wallet.receive(token)).rejects.toMatchObject({ code: 'ERR_HOLDER_MISMATCH' })
  })
})
