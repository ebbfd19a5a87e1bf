import { residencyCard } from '@civitas/cli/demo'
import type { SignatureAlgorithm } from '@civitas/core'
import {
  createPresentation,
  issueCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Resolvable } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createVeramoKeyStore } from '@civitas/veramo'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { getDidKeyResolver } from '@veramo/did-provider-key'
import { Resolver } from 'did-resolver'
import { describe, expect, it } from 'vitest'
import { tamperJwt } from '../support/tamperJwt.js'
import { createVeramoTestAgent } from '../support/veramoAgent.js'

// Peer: an in-memory Veramo 7 agent (@veramo/key-manager with kms-local, did-manager with the did:key
// provider, did-resolver, credential-w3c with credential-jwt, i.e. did-jwt-vc underneath) and the
// Civitas plugin. Credentials and presentations go both ways as jwt_vc_json (Veramo's proofFormat
// 'jwt'); altered tokens fail on both sides.

const civitasResolver = createResolver()
// Veramo's own did:key resolver, to show Civitas tokens verify whichever resolver the agent uses.
const veramoResolver = new Resolver({ ...getDidKeyResolver() }) as unknown as Resolvable
const audience = 'https://hotel.example'
const nonce = 'n-0S6_WzA2Mj-veramo'

const VERAMO_KEY_TYPE = { EdDSA: 'Ed25519', ES256K: 'Secp256k1' } as const

async function civitasParties(alg: SignatureAlgorithm) {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg })
  const citizen = await createDidKey({ keyStore, alg })
  return { city, citizen }
}

describe('interop with Veramo (jwt_vc_json)', () => {
  for (const alg of ['EdDSA', 'ES256K'] as const) {
    it(`interop: ${alg} credentials and presentations made by Veramo verify in Civitas; altered ones fail in both`, async () => {
      const { agent } = createVeramoTestAgent({ resolver: civitasResolver })
      const keyType = VERAMO_KEY_TYPE[alg]
      const library = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const reader = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const vc = await agent.createVerifiableCredential({
        credential: {
          issuer: { id: library.did },
          type: ['VerifiableCredential', 'LibraryCard'],
          credentialSubject: { id: reader.did, name: 'Mari Tamm', library: 'Tartu City Library' },
        },
        proofFormat: 'jwt',
      })
      const token = vc.proof.jwt as string

      const ours = await verifyCredential(token, { resolver: civitasResolver })
      expect(ours).toMatchObject({ format: 'jwt_vc_json', issuer: library.did, subject: reader.did })
      expect(ours.types).toContain('LibraryCard')
      await expect(verifyCredential(tamperJwt(token), { resolver: civitasResolver })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
      expect((await agent.verifyCredential({ credential: token })).verified).toBe(true)
      expect((await agent.verifyCredential({ credential: tamperJwt(token) })).verified).toBe(false)

      const vp = await agent.createVerifiablePresentation({
        presentation: { holder: reader.did, verifiableCredential: [vc] },
        proofFormat: 'jwt',
        domain: audience,
        challenge: nonce,
      })
      const vpToken = vp.proof.jwt as string
      const presented = await verifyPresentation(vpToken, { resolver: civitasResolver, audience, nonce })
      expect(presented).toMatchObject({ holder: reader.did, format: 'jwt_vc_json' })
      expect(presented.credentials[0]?.issuer).toBe(library.did)
      await expect(
        verifyPresentation(vpToken, { resolver: civitasResolver, audience: 'https://other.example', nonce }),
      ).rejects.toMatchObject({ code: 'ERR_AUDIENCE_MISMATCH' })
      await expect(
        verifyPresentation(tamperJwt(vpToken), { resolver: civitasResolver, audience, nonce }),
      ).rejects.toMatchObject({ code: 'ERR_SIGNATURE_INVALID' })
      const theirs = await agent.verifyPresentation({
        presentation: tamperJwt(vpToken),
        domain: audience,
        challenge: nonce,
      })
      expect(theirs.verified).toBe(false)
    })

    for (const [resolverName, resolver] of [
      ['Civitas', civitasResolver],
      ['Veramo', veramoResolver],
    ] as const) {
      it(`interop: ${alg} credentials and presentations made by Civitas verify in Veramo with the ${resolverName} did:key resolver; altered ones fail in both`, async () => {
        const { agent } = createVeramoTestAgent({ resolver })
        const { city, citizen } = await civitasParties(alg)
        const { token } = await issueCredential({
          issuer: city,
          credential: residencyCard(citizen.did),
          format: 'jwt_vc_json',
        })
        const theirs = await agent.verifyCredential({ credential: token })
        expect(theirs.verified).toBe(true)
        expect(theirs.verifiableCredential?.credentialSubject).toMatchObject({
          id: citizen.did,
          familyName: 'Tamm',
        })
        expect(theirs.verifiableCredential?.issuer).toMatchObject({ id: city.did })
        const altered = await agent.verifyCredential({ credential: tamperJwt(token) })
        expect(altered.verified).toBe(false)
        expect(altered.error?.errorCode).toBe('invalid_signature')
        await expect(verifyCredential(tamperJwt(token), { resolver: civitasResolver })).rejects.toMatchObject(
          {
            code: 'ERR_SIGNATURE_INVALID',
          },
        )

        const { token: vp } = await createPresentation({
          holder: citizen,
          credentials: [token],
          audience,
          nonce,
          format: 'jwt_vc_json',
        })
        const presented = await agent.verifyPresentation({
          presentation: vp,
          domain: audience,
          challenge: nonce,
        })
        expect(presented.verified).toBe(true)
        // Veramo 7 returns did-jwt-vc's result here, whose `issuer` is the DID that signed.
        expect(presented.verifiablePresentation).toMatchObject({ issuer: citizen.did })
        const wrongChallenge = await agent.verifyPresentation({
          presentation: vp,
          domain: audience,
          challenge: 'other',
        })
        expect(wrongChallenge.verified).toBe(false)
        const alteredVp = await agent.verifyPresentation({
          presentation: tamperJwt(vp),
          domain: audience,
          challenge: nonce,
        })
        expect(alteredVp.verified).toBe(false)
      })
    }
  }

  it('interop: ES256 (P-256) credentials made by Civitas verify in Veramo', async () => {
    const { agent } = createVeramoTestAgent({ resolver: civitasResolver })
    const { city, citizen } = await civitasParties('ES256')
    const { token } = await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      format: 'jwt_vc_json',
    })
    expect((await agent.verifyCredential({ credential: token })).verified).toBe(true)
    expect((await agent.verifyCredential({ credential: tamperJwt(token) })).verified).toBe(false)
  })

  for (const [keyType, alg] of [
    ['Secp256r1', 'ES256'],
    ['Ed25519', 'EdDSA'],
    ['Secp256k1', 'ES256K'],
  ] as const) {
    it(`interop: did:jwk both ways — a Veramo ${alg} (${keyType}) did:jwk credential verifies in Civitas, and civitasIssue with it in Veramo`, async () => {
      const { agent } = createVeramoTestAgent({ resolver: civitasResolver })
      const office = await agent.didManagerCreate({ provider: 'did:jwk', options: { keyType } })
      expect(office.did.startsWith('did:jwk:')).toBe(true)
      const credential = {
        issuer: office.did,
        type: ['VerifiableCredential', 'PortPass'],
        credentialSubject: { id: office.did, port: 'Tallinn' },
      }
      const vc = await agent.createVerifiableCredential({ credential, proofFormat: 'jwt' })
      const token = vc.proof.jwt as string
      expect(JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString())).toMatchObject({
        alg,
      })
      await expect(verifyCredential(token, { resolver: civitasResolver })).resolves.toMatchObject({
        issuer: office.did,
        format: 'jwt_vc_json',
      })
      await expect(verifyCredential(tamperJwt(token), { resolver: civitasResolver })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })

      const { token: ours } = await agent.civitasIssue({
        issuer: office.did,
        credential,
        format: 'jwt_vc_json',
      })
      expect((await agent.verifyCredential({ credential: ours })).verified).toBe(true)
      expect((await agent.verifyCredential({ credential: tamperJwt(ours) })).verified).toBe(false)
    })
  }

  it('interop: Veramo 7 reads VC 1.1 JWTs only, so it refuses a Civitas vc+jwt (VC 2.0) on its @context', async () => {
    const { agent } = createVeramoTestAgent({ resolver: civitasResolver })
    const { city, citizen } = await civitasParties('EdDSA')
    const { token } = await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      format: 'vc+jwt',
    })
    const theirs = await agent.verifyCredential({ credential: token })
    expect(theirs.verified).toBe(false)
    expect(theirs.error?.message).toContain('https://www.w3.org/2018/credentials/v1')
    await expect(verifyCredential(token, { resolver: civitasResolver })).resolves.toMatchObject({
      format: 'vc+jwt',
    })
  })
})

describe('interop: the Civitas plugin inside a Veramo agent', () => {
  for (const alg of ['EdDSA', 'ES256K'] as const) {
    it(`interop: civitasIssue and civitasPresent sign ${alg} with the agent's did:key; Veramo and Civitas both verify`, async () => {
      const { agent } = createVeramoTestAgent({ resolver: civitasResolver })
      const keyType = VERAMO_KEY_TYPE[alg]
      const city = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const citizen = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      for (const format of ['jwt_vc_json', 'vc+jwt'] as const) {
        const { token } = await agent.civitasIssue({
          issuer: city.did,
          credential: residencyCard(citizen.did),
          format,
        })
        const header = JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString())
        expect(header).toMatchObject({ alg, kid: `${city.did}#${city.did.slice('did:key:'.length)}` })
        const report = await agent.civitasVerify({ token, types: ['ResidencyCard'] })
        expect(report).toMatchObject({ ok: true, kind: 'credential', issuer: city.did })
        const altered = await agent.civitasVerify({ token: tamperJwt(token) })
        expect(altered.ok).toBe(false)
        expect(altered.checks.find((check) => !check.ok)?.code).toBe('ERR_SIGNATURE_INVALID')
        if (format === 'jwt_vc_json') {
          expect((await agent.verifyCredential({ credential: token })).verified).toBe(true)
        }

        const { token: vp } = await agent.civitasPresent({
          holder: citizen.did,
          credentials: [token],
          audience,
          nonce,
          format,
        })
        const presented = await agent.civitasVerify({ token: vp, audience, nonce })
        expect(presented).toMatchObject({
          ok: true,
          kind: 'presentation',
          holder: citizen.did,
          issuer: city.did,
        })
        const replayedElsewhere = await agent.civitasVerify({
          token: vp,
          audience: 'https://other.example',
          nonce,
        })
        expect(replayedElsewhere.error?.code).toBe('ERR_AUDIENCE_MISMATCH')
        if (format === 'jwt_vc_json') {
          const theirs = await agent.verifyPresentation({
            presentation: vp,
            domain: audience,
            challenge: nonce,
          })
          expect(theirs.verified).toBe(true)
        }
      }
    })
  }

  it('interop: civitasVerify reports a Veramo credential from an untrusted issuer with ERR_UNTRUSTED_ISSUER', async () => {
    const { agent } = createVeramoTestAgent({
      resolver: civitasResolver,
      civitas: { trust: { LibraryCard: ['did:web:library.tartu.ee'] } },
    })
    const library = await agent.didManagerCreate({ provider: 'did:key' })
    const vc = await agent.createVerifiableCredential({
      credential: {
        issuer: library.did,
        type: ['VerifiableCredential', 'LibraryCard'],
        credentialSubject: { id: library.did, name: 'Mari Tamm' },
      },
      proofFormat: 'jwt',
    })
    const report = await agent.civitasVerify({ token: vc.proof.jwt as string })
    expect(report.ok).toBe(false)
    expect(report.checks.find((check) => check.name === 'signature')?.ok).toBe(true)
    expect(report.checks.find((check) => check.name === 'trust')).toMatchObject({
      ok: false,
      code: 'ERR_UNTRUSTED_ISSUER',
    })
  })
})

describe('interop: Civitas roles on keys the Veramo agent holds', () => {
  for (const alg of ['EdDSA', 'ES256K'] as const) {
    it(`interop: a Civitas wallet on a Veramo ${alg} did:key receives a Veramo credential and presents it to a Veramo verifier`, async () => {
      const { agent, store } = createVeramoTestAgent({ resolver: civitasResolver })
      const keyType = VERAMO_KEY_TYPE[alg]
      const library = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const reader = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
      const identity = await createDidKey({ keyStore, keyId: reader.keys[0]?.kid as string })
      expect(identity.did).toBe(reader.did)

      const wallet = createWallet({
        identity,
        credentialStore: createMemoryCredentialStore(),
        resolver: civitasResolver,
      })
      const vc = await agent.createVerifiableCredential({
        credential: {
          issuer: library.did,
          type: ['VerifiableCredential', 'LibraryCard'],
          credentialSubject: { id: reader.did, name: 'Mari Tamm' },
        },
        proofFormat: 'jwt',
      })
      await wallet.receive(vc.proof.jwt as string)
      await expect(wallet.receive(tamperJwt(vc.proof.jwt as string))).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
      const { token: vp } = await wallet.present({
        type: 'LibraryCard',
        audience,
        nonce,
        format: 'jwt_vc_json',
      })
      const theirs = await agent.verifyPresentation({ presentation: vp, domain: audience, challenge: nonce })
      expect(theirs.verified).toBe(true)
      expect(theirs.verifiablePresentation).toMatchObject({ issuer: reader.did })
      const ours = await agent.civitasVerify({ token: vp, audience, nonce, types: ['LibraryCard'] })
      expect(ours).toMatchObject({ ok: true, holder: reader.did, issuer: library.did })
    })
  }
})
