import { startLoopbackServer } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import type { DcqlQuery } from '@civitas/sign-in'
import { createSignInRelyingParty } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { afterAll, describe, expect, it } from 'vitest'
import { createParties, residencyCard, YEAR } from '../support/parties.js'
import { citizenWallet, residencyQuery } from '../support/signIn.js'

// Pairwise identifiers: each relying party sees a DID made for it alone, so two cannot link a person.
const query: DcqlQuery = {
  credentials: [{ id: 'residency', format: 'vc+jwt', meta: { type_values: [['ResidencyCard']] } }],
}
const servers: { close(): Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
})

async function relyingParty(parties: Awaited<ReturnType<typeof createParties>>) {
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  servers.push(server)
  const rp = createSignInRelyingParty({
    baseUrl: `${server.origin}/sign-in`,
    resolver: parties.resolver,
    verifier: createVerifier({ resolver: parties.resolver, trust: { ResidencyCard: [parties.city.did] } }),
  })
  handler = rp.handler
  return rp
}

describe('pairwise identifiers in sign-in', () => {
  it('behavior: two relying parties receive different holder DIDs and keys, each the same on every sign-in', async () => {
    const parties = await createParties()
    const keyStore = createMemoryKeyStore()
    const wallet = createWallet({
      identity: parties.citizen,
      keyStore,
      credentialStore: createMemoryCredentialStore(),
      resolver: parties.resolver,
    })
    const [clinic, library] = [await relyingParty(parties), await relyingParty(parties)]
    // The city issues a residency card to each relying party's DID (batch issuance, one per DID).
    const holders = [await wallet.identityFor(clinic.clientId), await wallet.identityFor(library.clientId)]
    expect(holders[0]?.did).not.toBe(holders[1]?.did)
    for (const holder of holders) {
      expect(holder.did).toMatch(/^did:peer:2\./)
      const card = await issueCredential({
        issuer: parties.city,
        credential: residencyCard(holder.did),
        validFor: YEAR,
      })
      await wallet.receive(card.token)
    }
    const signedIn: string[] = []
    for (const rp of [clinic, library, clinic]) {
      const start = await rp.start({ query })
      const seen: string[] = []
      const answer = await wallet.respond(start.qr, {
        allowLoopbackHttp: true,
        approve: ({ holder }) => {
          seen.push(holder)
          return true
        },
      })
      const status = await rp.status(start.id)
      expect(status).toMatchObject({ status: 'complete', result: { did: answer.holder } })
      expect(seen).toEqual([answer.holder])
      signedIn.push(answer.holder)
    }
    expect(signedIn).toEqual([holders[0]?.did, holders[1]?.did, holders[0]?.did])
    expect(signedIn).not.toContain(parties.citizen.did)
    const pairwiseKeys = (await keyStore.listKeys()).map((key) => key.publicJwk.x)
    expect(new Set(pairwiseKeys).size).toBe(2)
  })

  it('behavior: pairwise identities come back from the key store after a restart', async () => {
    const parties = await createParties()
    const keyStore = createMemoryKeyStore()
    const options = { identity: parties.citizen, keyStore, resolver: parties.resolver }
    const first = createWallet({ ...options, credentialStore: createMemoryCredentialStore() })
    const before = await first.identityFor('redirect_uri:https://clinic.example/cb')
    const again = createWallet({ ...options, credentialStore: createMemoryCredentialStore() })
    expect((await again.identityFor('redirect_uri:https://clinic.example/cb')).did).toBe(before.did)
    expect((await again.identityFor('redirect_uri:https://library.example/cb')).did).not.toBe(before.did)
  })

  it('behavior: with only credentials issued to the main DID, the main DID answers and approve is told so', async () => {
    const parties = await createParties()
    const { wallet } = await citizenWallet(parties, { keyStore: createMemoryKeyStore() })
    const rp = await relyingParty(parties)
    const start = await rp.start({ query: residencyQuery })
    const answer = await wallet.respond(start.qr, {
      allowLoopbackHttp: true,
      approve: ({ holder }) => holder === parties.citizen.did,
    })
    expect(answer).toMatchObject({ declined: false, holder: parties.citizen.did })
    expect(await rp.status(start.id)).toMatchObject({
      status: 'complete',
      result: { did: parties.citizen.did },
    })
  })

  it('behavior: pairwise: false always answers with the main DID; without a keyStore pairwise is off', async () => {
    const parties = await createParties()
    const off = createWallet({
      identity: parties.citizen,
      keyStore: createMemoryKeyStore(),
      pairwise: false,
      credentialStore: createMemoryCredentialStore(),
      resolver: parties.resolver,
    })
    expect((await off.identityFor('redirect_uri:https://clinic.example/cb')).did).toBe(parties.citizen.did)
    expect(() =>
      createWallet({
        identity: parties.citizen,
        pairwise: 'sign-in',
        credentialStore: createMemoryCredentialStore(),
        resolver: parties.resolver,
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
  })

  it("error: a credential issued to another wallet's pairwise DID is ERR_HOLDER_MISMATCH", async () => {
    const parties = await createParties()
    const make = () =>
      createWallet({
        identity: parties.citizen,
        keyStore: createMemoryKeyStore(),
        credentialStore: createMemoryCredentialStore(),
        resolver: parties.resolver,
      })
    const [mine, theirs] = [make(), make()]
    const other = await theirs.identityFor('redirect_uri:https://clinic.example/cb')
    const card = await issueCredential({
      issuer: parties.city,
      credential: residencyCard(other.did),
      validFor: YEAR,
    })
    await expect(mine.receive(card.token)).rejects.toMatchObject({ code: 'ERR_HOLDER_MISMATCH' })
  })
})
