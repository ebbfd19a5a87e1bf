import { residencyCard } from '@civitas/cli/demo'
import { fixedClock, type PrivateJwk } from '@civitas/core'
import {
  createPresentation,
  issueCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, resolveVerificationKey } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { EdDSASigner, ES256KSigner, ES256Signer } from 'did-jwt'
import * as peer from 'did-jwt-vc'
import { compactVerify, importJWK } from 'jose'
import { describe, expect, it } from 'vitest'
import { tamperJwt } from '../support/tamperJwt.js'

// Peers: did-jwt-vc (jwt_vc_json both ways) and jose (vc+jwt signatures, with the key Civitas
// resolves from the issuer's DID document). Tampered tokens fail on both sides.

const resolver = createResolver()
// did-jwt-vc types did-resolver 4's Resolvable; Civitas's resolver (did-resolver 6) has the same shape.
const peerResolver = resolver as unknown as Parameters<typeof peer.verifyCredential>[1]
const audience = 'https://hotel.example'
const nonce = 'n-0S6_WzA2Mj'

async function parties(alg: 'EdDSA' | 'ES256' | 'ES256K') {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg })
  const citizen = await createDidKey({ keyStore, alg })
  const [cityKey, citizenKey] = await keyStore.listKeys()
  const signerOf = async (id: string) => {
    const { d } = (await keyStore.exportPrivateKey(id)) as PrivateJwk
    const secret = Buffer.from(d, 'base64url')
    if (alg === 'EdDSA') {
      const { publicJwk } = (await keyStore.getKey(id)) ?? {}
      return EdDSASigner(Buffer.concat([secret, Buffer.from(publicJwk?.x ?? '', 'base64url')]))
    }
    return alg === 'ES256' ? ES256Signer(secret) : ES256KSigner(secret)
  }
  const card = residencyCard(citizen.did)
  return {
    city,
    citizen,
    card,
    cityPeer: { did: city.did, alg, signer: await signerOf(cityKey?.id as string) },
    citizenPeer: { did: citizen.did, alg, signer: await signerOf(citizenKey?.id as string) },
  }
}

describe('interop with did-jwt-vc (jwt_vc_json)', () => {
  for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
    it(`behavior: ${alg} credentials and presentations made by Civitas verify in did-jwt-vc; tampered fail in both`, async () => {
      const { city, citizen, card } = await parties(alg)
      const { token } = await issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json' })
      const theirs = await peer.verifyCredential(token, peerResolver)
      expect(theirs.verifiableCredential.credentialSubject).toMatchObject({
        id: citizen.did,
        familyName: 'Tamm',
      })
      await expect(peer.verifyCredential(tamperJwt(token), peerResolver)).rejects.toThrow()
      await expect(verifyCredential(tamperJwt(token), { resolver })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })

      const { token: vp } = await createPresentation({
        holder: citizen,
        credentials: [token],
        audience,
        nonce,
        format: 'jwt_vc_json',
      })
      const presented = await peer.verifyPresentation(vp, peerResolver, { audience, challenge: nonce })
      expect(presented.verifiablePresentation.holder).toBe(citizen.did)
      await expect(peer.verifyPresentation(tamperJwt(vp), peerResolver, { audience })).rejects.toThrow()
    })

    it(`behavior: ${alg} credentials and presentations made by did-jwt-vc verify in Civitas; tampered fail in both`, async () => {
      const { cityPeer, citizenPeer, citizen, city } = await parties(alg)
      const token = await peer.createVerifiableCredentialJwt(
        {
          sub: citizen.did,
          nbf: Math.floor(Date.now() / 1000) - 10,
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential', 'LibraryCard'],
            credentialSubject: { name: 'Mari Tamm', library: 'Tartu City Library' },
          },
        },
        cityPeer,
      )
      const ours = await verifyCredential(token, { resolver })
      expect(ours).toMatchObject({
        format: 'jwt_vc_json',
        issuer: city.did,
        subject: citizen.did,
        schema: 'none',
      })
      await expect(verifyCredential(tamperJwt(token), { resolver })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
      await expect(peer.verifyCredential(tamperJwt(token), peerResolver)).rejects.toThrow()

      // did-jwt-vc writes no iat on presentations; nbf carries the time, which Civitas reads for freshness.
      const vp = await peer.createVerifiablePresentationJwt(
        {
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            verifiableCredential: [token],
          },
          nbf: Math.floor(Date.now() / 1000),
        },
        citizenPeer,
        { domain: audience, challenge: nonce },
      )
      const presented = await verifyPresentation(vp, { resolver, audience, nonce })
      expect(presented).toMatchObject({ holder: citizen.did, format: 'jwt_vc_json' })
      expect(presented.credentials[0]?.issuer).toBe(city.did)
      await expect(verifyPresentation(tamperJwt(vp), { resolver, audience, nonce })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
    })
  }

  it('behavior: did-jwt-vc only decodes the credentials inside a presentation; Civitas verifies them', async () => {
    const { city, citizen, card } = await parties('EdDSA')
    const { token } = await issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json' })
    const { token: vp } = await createPresentation({
      holder: citizen,
      credentials: [tamperJwt(token)],
      audience,
      nonce,
      format: 'jwt_vc_json',
    })
    await expect(peer.verifyPresentation(vp, peerResolver, { audience })).resolves.toBeDefined()
    await expect(verifyPresentation(vp, { resolver, audience, nonce })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
      details: { credentialIndex: 0 },
    })
  })
})

describe('interop with jose (vc+jwt)', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`behavior: a Civitas ${alg} vc+jwt verifies in jose with the key from the resolved DID document; tampered fails in both`, async () => {
      const { city, card } = await parties(alg)
      const { token } = await issueCredential({
        issuer: city,
        credential: card,
        clock: fixedClock(Date.now()),
      })
      const { publicJwk } = await resolveVerificationKey({
        resolver,
        kid: city.kid,
        did: city.did,
        relationship: 'assertionMethod',
      })
      const key = await importJWK(publicJwk, alg)
      const { protectedHeader } = await compactVerify(token, key)
      expect(protectedHeader).toMatchObject({ alg, typ: 'vc+jwt', kid: city.kid })
      await expect(compactVerify(tamperJwt(token), key)).rejects.toThrow()
      await expect(verifyCredential(tamperJwt(token), { resolver })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
    })
  }
})
