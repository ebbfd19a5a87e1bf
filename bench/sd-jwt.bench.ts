import type { PrivateJwk, PublicJwk } from '@civitas/core'
import { createPresentation, issueCredential, verifyPresentation } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import { verifyFloor } from './support/floor.js'
import { type BenchCase, compare, isMain, printTable } from './support/measure.js'

/** An SD-JWT VC presentation with key binding (ES256), verified by Civitas and by @sd-jwt/sd-jwt-vc. */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'ES256' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const [cityKey, citizenKey] = await keyStore.listKeys()
  const resolver = createResolver()
  const audience = 'https://clinic.example'
  const nonce = 'n-bench-4rT9qLm2'
  const { token } = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: {
      vct: 'urn:civitas:vct:residency:1',
      sub: citizen.did,
      given_name: 'Mari',
      family_name: 'Tamm',
      birthdate: '1990-04-12',
      nationality: 'EE',
      address: { street_address: 'Raekoja plats 1', postal_code: '50089', locality: 'Tartu', country: 'EE' },
      age_equal_or_over: { '14': true, '16': true, '18': true, '19': true, '21': true, '65': false },
    },
    disclosable: [
      'given_name',
      'family_name',
      'birthdate',
      'nationality',
      'address',
      'address.street_address',
      'address.postal_code',
      'address.locality',
      ...['14', '16', '18', '19', '21', '65'].map((age) => `age_equal_or_over.${age}`),
    ],
    validFor: 365 * 24 * 3600 * 1000,
  })
  const presentation = (
    await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: ['given_name', 'address.locality', 'age_equal_or_over.18'],
      audience,
      nonce,
    })
  ).token
  const cityPublic = cityKey?.publicJwk as PublicJwk
  const issuerVerifier = await ES256.getVerifier(cityPublic)
  const holderVerifiers = new Map<string, Awaited<ReturnType<typeof ES256.getVerifier>>>()
  const peer = new SDJwtVcInstance({
    hasher: digest,
    saltGenerator: generateSalt,
    signer: await ES256.getSigner((await keyStore.exportPrivateKey(cityKey?.id ?? '')) as PrivateJwk),
    signAlg: 'ES256',
    verifier: issuerVerifier,
    kbVerifier: async (data, signature, payload) => {
      const jwk = (payload.cnf as { jwk: PublicJwk }).jwk
      let verifier = holderVerifiers.get(jwk.x)
      if (verifier === undefined) {
        verifier = await ES256.getVerifier(jwk)
        holderVerifiers.set(jwk.x, verifier)
      }
      return verifier(data, signature)
    },
  })
  await peer.verify(presentation, { keyBindingNonce: nonce })
  const cases: BenchCase[] = [
    {
      label: '@sd-jwt/sd-jwt-vc verify (key binding, issuer key imported once)',
      library: '@sd-jwt/sd-jwt-vc',
      task: () => peer.verify(presentation, { keyBindingNonce: nonce }),
    },
    {
      label: 'civitas verifyPresentation (dc+sd-jwt, DID-resolved issuer key, warm)',
      library: 'civitas',
      task: () => verifyPresentation(presentation, { resolver, audience, nonce, maxAgeMs: 3600_000 }),
    },
    // Its signature checks: the issuer's JWT and the holder's key-binding JWT.
    verifyFloor('floor: node:crypto P-256 checks of both signatures only', [
      { jws: presentation.slice(0, presentation.indexOf('~')), publicJwk: cityPublic },
      {
        jws: presentation.slice(presentation.lastIndexOf('~') + 1),
        publicJwk: citizenKey?.publicJwk as PublicJwk,
      },
    ]),
  ]
  printTable(
    'verify an SD-JWT VC with key binding (ES256, 14 disclosable claims, 4 disclosures presented)',
    await compare(cases),
  )
}

if (isMain(import.meta.url)) await run()
