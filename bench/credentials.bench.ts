import { createPublicKey, verify as cryptoVerify } from 'node:crypto'
import { residencyCard } from '@civitas/cli/demo'
import type { PrivateJwk } from '@civitas/core'
import {
  createPresentation,
  issueCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, resolveVerificationKey } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { EdDSASigner } from 'did-jwt'
import * as peer from 'did-jwt-vc'
import { importJWK, jwtVerify } from 'jose'
import { compare, isMain, printTable } from './support/measure.js'

/** The residency card, EdDSA: verify, gate check and issue, Civitas next to did-jwt-vc and jose. */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'EdDSA' })
  const resolver = createResolver()
  const peerResolver = resolver as unknown as Parameters<typeof peer.verifyCredential>[1]
  const [cityKey, citizenKey] = await keyStore.listKeys()
  const peerSigner = async (id: string, x: string) =>
    EdDSASigner(
      Buffer.concat([
        Buffer.from(((await keyStore.exportPrivateKey(id)) as PrivateJwk).d, 'base64url'),
        Buffer.from(x, 'base64url'),
      ]),
    )
  const cityPeer = {
    did: city.did,
    alg: 'EdDSA',
    signer: await peerSigner(cityKey?.id ?? '', cityKey?.publicJwk.x ?? ''),
  }
  const citizenPeer = {
    did: citizen.did,
    alg: 'EdDSA',
    signer: await peerSigner(citizenKey?.id ?? '', citizenKey?.publicJwk.x ?? ''),
  }
  const card = residencyCard(citizen.did)
  const year = 365 * 24 * 3600 * 1000
  const vcJwt = (await issueCredential({ issuer: city, credential: card, validFor: year })).token
  const jwtVcJson = (
    await issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json', validFor: year })
  ).token
  const { publicJwk } = await resolveVerificationKey({
    resolver,
    kid: city.kid,
    did: city.did,
    relationship: 'assertionMethod',
  })
  const joseKey = await importJWK(publicJwk, 'EdDSA')
  // The floor: OpenSSL's Ed25519 check of the same token's signature, with nothing else around it.
  const [header, payload, signature] = vcJwt.split('.')
  const signingInput = Buffer.from(`${header}.${payload}`)
  const signatureBytes = Buffer.from(signature ?? '', 'base64url')
  const nodeKey = createPublicKey({ key: { ...publicJwk }, format: 'jwk' })

  const verifyCases = [
    {
      label: 'did-jwt-vc verifyCredential (jwt_vc_json)',
      task: () => peer.verifyCredential(jwtVcJson, peerResolver),
    },
    {
      label: 'jose jwtVerify (vc+jwt, key imported once)',
      task: () => jwtVerify(vcJwt, joseKey, { typ: 'vc+jwt' }),
    },
    {
      label: 'floor: node:crypto Ed25519 signature check only',
      task: () => cryptoVerify(null, signingInput, nodeKey, signatureBytes),
    },
    { label: 'civitas verifyCredential (vc+jwt)', task: () => verifyCredential(vcJwt, { resolver }) },
    {
      label: 'civitas verifyCredential (jwt_vc_json)',
      task: () => verifyCredential(jwtVcJson, { resolver }),
    },
  ]
  printTable(
    'verify the residency card (EdDSA, warm resolver)',
    await compare(verifyCases),
    verifyCases[0]?.label,
  )

  const audience = 'https://hotel.example'
  const nonce = 'n-0S6_WzA2Mj'
  const ourVp = (
    await createPresentation({ holder: citizen, credentials: [vcJwt], audience, nonce, validFor: 3600_000 })
  ).token
  const peerVp = await peer.createVerifiablePresentationJwt(
    {
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [jwtVcJson],
      },
      nbf: Math.floor(Date.now() / 1000),
    },
    citizenPeer as never,
    { domain: audience, challenge: nonce },
  )
  // A gate must verify the presentation and its credential; did-jwt-vc's verifyPresentation only decodes the credential.
  const peerGate = async () => {
    await peer.verifyPresentation(peerVp, peerResolver, { domain: audience, challenge: nonce })
    await peer.verifyCredential(jwtVcJson, peerResolver)
  }
  const gateCases = [
    { label: 'did-jwt-vc verifyPresentation + verifyCredential', task: peerGate },
    {
      label: 'civitas verifyPresentation (vp+jwt)',
      task: () => verifyPresentation(ourVp, { resolver, audience, nonce, maxAgeMs: 3600_000 }),
    },
  ]
  printTable('gate check: presentation plus its credential', await compare(gateCases), gateCases[0]?.label)

  const peerCredential = {
    sub: citizen.did,
    nbf: 1,
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'ResidencyCard'],
      credentialSubject: card.credentialSubject as never,
    },
  }
  const issueCases = [
    {
      label: 'did-jwt-vc createVerifiableCredentialJwt',
      task: () => peer.createVerifiableCredentialJwt(peerCredential, cityPeer as never),
    },
    {
      label: 'civitas issueCredential (vc+jwt, schema checked)',
      task: () => issueCredential({ issuer: city, credential: card, validFor: year }),
    },
    {
      label: 'civitas issueCredential (jwt_vc_json, schema checked)',
      task: () => issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json', validFor: year }),
    },
  ]
  printTable('issue the residency card (EdDSA)', await compare(issueCases), issueCases[0]?.label)
}

if (isMain(import.meta.url)) await run()
