import { fixedClock, isCivitasError, type PrivateJwk, type PublicJwk } from '@civitas/core'
import {
  createPresentation,
  decodeSdJwt,
  issueCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import { describe, expect, it } from 'vitest'

// Peer: @sd-jwt/sd-jwt-vc (OpenWallet Foundation). What Civitas issues and presents it verifies;
// what it issues and presents Civitas verifies; a tampered token fails on both sides.

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const resolver = createResolver()
const audience = 'https://clinic.example'
const nonce = 'n-interop-7Gq2xP'
const claims = {
  vct: 'urn:civitas:vct:health-access:1',
  given_name: 'Mari',
  scopes: ['imaging', 'prescriptions', 'lab-results'],
  address: { locality: 'Tartu', country: 'EE' },
}

async function setting() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'ES256' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const [cityKey, citizenKey] = await keyStore.listKeys()
  const privateOf = async (id: string) => (await keyStore.exportPrivateKey(id)) as PrivateJwk
  const peer = async (options: { issuer?: PublicJwk; holder?: PublicJwk } = {}) =>
    new SDJwtVcInstance({
      hasher: digest,
      saltGenerator: generateSalt,
      signer: await ES256.getSigner(await privateOf(cityKey?.id as string)),
      signAlg: 'ES256',
      verifier: await ES256.getVerifier(options.issuer ?? (cityKey?.publicJwk as PublicJwk)),
      kbSigner: await ES256.getSigner(await privateOf(citizenKey?.id as string)),
      kbSignAlg: 'ES256',
      kbVerifier: async (data, signature, payload) => {
        const jwk = (payload.cnf as { jwk: PublicJwk }).jwk
        return (await ES256.getVerifier(jwk))(data, signature)
      },
    })
  return { city, citizen, cityKey, citizenKey, peer }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return isCivitasError(error) ? error.code : 'peer error'
  }
  return 'accepted'
}

/** Swaps the value of the first disclosure for another one, keeping salt and name. */
function tamper(token: string): string {
  const [first] = decodeSdJwt(token).disclosures
  const altered = Buffer.from(JSON.stringify([first?.salt, first?.name, 'Eve'])).toString('base64url')
  return token.replace(first?.encoded ?? '', altered)
}

describe('interop: @sd-jwt/sd-jwt-vc 0.19', () => {
  it('interop: Civitas issues and presents, the peer verifies signature, disclosures and key binding', async () => {
    const { city, citizen, peer } = await setting()
    const { token } = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: { ...claims, sub: citizen.did },
      disclosable: ['given_name', 'scopes.0', 'scopes.1', 'scopes.2', 'address'],
      clock,
    })
    const presented = await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: ['scopes.1'],
      audience,
      nonce,
      clock: fixedClock(Date.now()),
    })
    const result = await (await peer()).verify(presented.token, {
      keyBindingNonce: nonce,
      currentDate: NOW / 1000,
    })
    expect(result.payload).toMatchObject({ vct: claims.vct, scopes: ['prescriptions'] })
    expect(result.payload).not.toHaveProperty('given_name')
    expect(result.kb?.payload).toMatchObject({ aud: audience, nonce })
  })

  it('interop: the peer refuses a Civitas presentation with an altered disclosure', async () => {
    const { city, citizen, peer } = await setting()
    const { token } = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: { ...claims, sub: citizen.did },
      disclosable: ['given_name'],
      clock,
    })
    const presented = await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: ['given_name'],
      audience,
      nonce,
      clock: fixedClock(Date.now()),
    })
    await expect((await peer()).verify(tamper(presented.token), { keyBindingNonce: nonce })).rejects.toThrow()
  })

  it('interop: the peer issues, Civitas verifies the credential and a peer-made presentation', async () => {
    const { city, citizen, citizenKey, peer } = await setting()
    const sdJwt = await peer()
    const token = await sdJwt.issue(
      {
        ...claims,
        iss: city.did,
        iat: NOW / 1000,
        sub: citizen.did,
        cnf: { jwk: citizenKey?.publicJwk as PublicJwk },
      } as never,
      { _sd: ['given_name', 'address'], scopes: { _sd: [0, 1, 2] }, _sd_decoy: 2 } as never,
      { header: { kid: city.kid } },
    )
    const verified = await verifyCredential(token, { resolver, clock })
    expect(verified.credential).toMatchObject({ ...claims, iss: city.did })
    const presented = await sdJwt.present(token, { given_name: true, scopes: { 2: true } } as never, {
      kb: { payload: { aud: audience, nonce, iat: NOW / 1000 } },
    })
    const presentation = await verifyPresentation(presented, { resolver, audience, nonce, clock })
    const { given_name, scopes, address } = presentation.credentials[0]?.credential ?? {}
    expect({ given_name, scopes, address }).toEqual({
      given_name: 'Mari',
      scopes: ['lab-results'],
      address: undefined,
    })
    expect(presentation.holder).toBe(citizen.did)
  })

  it('interop: Civitas presents a peer-issued credential, and refuses it tampered', async () => {
    const { city, citizen, citizenKey, peer } = await setting()
    const token = await (await peer()).issue(
      {
        ...claims,
        iss: city.did,
        iat: NOW / 1000,
        cnf: { jwk: citizenKey?.publicJwk as PublicJwk },
      } as never,
      { _sd: ['given_name'] } as never,
      { header: { kid: city.kid } },
    )
    const presented = await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: ['given_name'],
      audience,
      nonce,
      clock,
    })
    await expect(
      verifyPresentation(presented.token, { resolver, audience, nonce, clock }),
    ).resolves.toMatchObject({
      format: 'dc+sd-jwt',
    })
    expect(await codeOf(verifyCredential(tamper(token), { resolver, clock }))).toBe('ERR_DISCLOSURE_INVALID')
    expect(
      await codeOf(verifyPresentation(tamper(presented.token), { resolver, audience, nonce, clock })),
    ).toBe('ERR_DISCLOSURE_INVALID')
  })
})
