import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore, type KeyStore } from '@civitas/crypto'
import { createResolver, type Resolver, resolveDidDocument } from '@civitas/did'
import {
  addDelegate,
  changeOwner,
  createDidEthr,
  didEthrResolver,
  type EthrIdentity,
  revokeAttribute,
  revokeDelegate,
  setAttribute,
} from '@civitas/did/ethr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EthereumNode, startEthereumNode } from '../../examples/did-ethr-rotation/startEthereumNode.js'

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  credentialSubject: { id: 'did:example:citizen', residentOf: 'Civitas' },
}

let node: EthereumNode
let resolver: Resolver
let keyStore: KeyStore

beforeAll(async () => {
  node = await startEthereumNode()
  // No cache: every verification reads the registry as it is now.
  resolver = createResolver({ resolvers: [didEthrResolver({ networks: [node.network] })], cache: false })
  keyStore = createMemoryKeyStore()
})

afterAll(async () => {
  await node?.close()
})

async function newIdentity(): Promise<EthrIdentity> {
  const identity = await createDidEthr({ keyStore, network: node.network })
  await node.fund(identity.address)
  return identity
}

async function issue(issuer: EthrIdentity): Promise<string> {
  return (await issueCredential({ issuer, credential, validFor: 3_600_000 })).token
}

async function controllerAccount(did: string, query = ''): Promise<unknown> {
  const { didDocument } = await resolver.resolve(`${did}${query}`)
  const method = didDocument?.verificationMethod?.find((entry) => entry.id === `${did}#controller`)
  return method?.blockchainAccountId?.toLowerCase()
}

describe('did:ethr against a local Ethereum node', () => {
  it('behavior: a fresh DID resolves to its address as #controller, under assertionMethod and authentication', async () => {
    const city = await createDidEthr({ keyStore, network: node.network })
    expect(city.did).toBe(`did:ethr:0x539:${city.address}`)
    expect(city.kid).toBe(`${city.did}#controller`)
    const document = await resolveDidDocument(resolver, city.did)
    expect(document.verificationMethod).toEqual([
      expect.objectContaining({
        id: city.kid,
        type: 'EcdsaSecp256k1RecoveryMethod2020',
        blockchainAccountId: expect.stringMatching(new RegExp(`^eip155:1337:${city.address}$`, 'i')),
      }),
    ])
    expect(document.assertionMethod).toContain(city.kid)
    expect(document.authentication).toContain(city.kid)
  })

  it('behavior: an ES256K credential issued by a did:ethr identity verifies', async () => {
    const city = await createDidEthr({ keyStore, network: node.network })
    const verified = await verifyCredential(await issue(city), { resolver })
    expect(verified.issuer).toBe(city.did)
  })

  it('behavior: after changeOwner the new key verifies and the old key fails with ERR_SIGNATURE_INVALID', async () => {
    const city = await newIdentity()
    const beforeRotation = await issue(city)
    const { identity: rotated, transaction } = await changeOwner({ identity: city, keyStore })
    expect(rotated.did).toBe(city.did)
    expect(rotated.kid).toBe(`${city.did}#controller`)
    expect(rotated.address).not.toBe(city.address)
    expect(await controllerAccount(city.did)).toBe(`eip155:1337:${rotated.address}`)
    await expect(verifyCredential(await issue(rotated), { resolver })).resolves.toMatchObject({
      issuer: city.did,
    })
    await expect(verifyCredential(await issue(city), { resolver })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })
    // The current document knows only the new owner, whenever the credential was signed.
    await expect(verifyCredential(beforeRotation, { resolver })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })
    // The old owner can no longer change the registry.
    await expect(changeOwner({ identity: city, keyStore })).rejects.toMatchObject({
      code: 'ERR_DID_UPDATE_FAILED',
    })
    expect(await controllerAccount(city.did, `?versionId=${transaction.blockNumber - 1}`)).toBe(
      `eip155:1337:${city.address}`,
    )
  })

  it('behavior: a delegate signs credentials that verify until it is revoked', async () => {
    const city = await newIdentity()
    const { identity: office } = await addDelegate({ identity: city, keyStore, validitySeconds: 86_400 })
    expect(office.did).toBe(city.did)
    expect(office.kid).toBe(`${city.did}#delegate-1`)
    const document = await resolveDidDocument(resolver, city.did)
    expect(document.assertionMethod).toContain(office.kid)
    expect(document.authentication).not.toContain(office.kid)
    const token = await issue(office)
    await expect(verifyCredential(token, { resolver })).resolves.toMatchObject({ issuer: city.did })
    await revokeDelegate({ identity: city, keyStore, delegate: office })
    await expect(verifyCredential(token, { resolver })).rejects.toMatchObject({
      code: 'ERR_VERIFICATION_METHOD_NOT_FOUND',
    })
    await expect(verifyCredential(await issue(office), { resolver })).rejects.toMatchObject({
      code: 'ERR_VERIFICATION_METHOD_NOT_FOUND',
    })
  })

  it('behavior: a sigAuth delegate of a rotated DID is under authentication too', async () => {
    const city = await newIdentity()
    const { identity: owner } = await changeOwner({ identity: city, keyStore })
    await node.fund(owner.address)
    const { identity: desk } = await addDelegate({ identity: owner, keyStore, delegateType: 'sigAuth' })
    expect(desk.kid).toBe(`${city.did}#delegate-1`)
    const document = await resolveDidDocument(resolver, city.did)
    expect(document.authentication).toContain(desk.kid)
    await expect(verifyCredential(await issue(desk), { resolver })).resolves.toMatchObject({
      issuer: city.did,
    })
  })

  it('behavior: a delegate signing under another delegate`s kid fails with ERR_SIGNATURE_INVALID', async () => {
    const city = await newIdentity()
    const { identity: first } = await addDelegate({ identity: city, keyStore })
    const { identity: second } = await addDelegate({ identity: city, keyStore })
    expect(second.kid).toBe(`${city.did}#delegate-2`)
    const impostor: EthrIdentity = { ...second, kid: first.kid, signer: { ...second.signer, kid: first.kid } }
    await expect(verifyCredential(await issue(impostor), { resolver })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })
  })

  it('behavior: setAttribute adds a service and revokeAttribute removes it', async () => {
    const city = await newIdentity()
    const service = { name: 'did/svc/LinkedDomains', value: 'https://city.example' }
    await setAttribute({ identity: city, keyStore, ...service })
    expect((await resolveDidDocument(resolver, city.did)).service).toEqual([
      { id: `${city.did}#service-1`, type: 'LinkedDomains', serviceEndpoint: 'https://city.example' },
    ])
    await revokeAttribute({ identity: city, keyStore, ...service })
    expect((await resolveDidDocument(resolver, city.did)).service).toBeUndefined()
  })

  it('behavior: versionId and versionTime select past documents', async () => {
    const city = await newIdentity()
    await node.advanceTime(3600)
    const { identity: second, transaction: first } = await changeOwner({ identity: city, keyStore })
    await node.fund(second.address)
    await node.advanceTime(3600)
    const { identity: third } = await changeOwner({ identity: second, keyStore })
    const firstTime = (await node.provider.getBlock(first.blockNumber))?.timestamp ?? 0
    const at = (seconds: number) =>
      `?versionTime=${new Date(seconds * 1000).toISOString().replace('.000', '')}`
    expect(await controllerAccount(city.did, at(firstTime - 60))).toBe(`eip155:1337:${city.address}`)
    expect(await controllerAccount(city.did, at(firstTime + 60))).toBe(`eip155:1337:${second.address}`)
    expect(await controllerAccount(city.did, `?versionId=${first.blockNumber}`)).toBe(
      `eip155:1337:${second.address}`,
    )
    expect(await controllerAccount(city.did)).toBe(`eip155:1337:${third.address}`)
    const { didDocumentMetadata } = await resolver.resolve(`${city.did}?versionId=${first.blockNumber}`)
    expect(didDocumentMetadata).toMatchObject({ versionId: String(first.blockNumber) })
  })

  it('error: a DID with more registry events than maxEvents resolves to tooManyEvents', async () => {
    const city = await newIdentity()
    for (const value of ['https://a.example', 'https://b.example', 'https://c.example']) {
      await setAttribute({ identity: city, keyStore, name: 'did/svc/LinkedDomains', value })
    }
    const capped = createResolver({
      resolvers: [didEthrResolver({ networks: [node.network], maxEvents: 2 })],
      cache: false,
    })
    const result = await capped.resolve(city.did)
    expect(result.didResolutionMetadata.error).toBe('tooManyEvents')
    await expect(resolveDidDocument(capped, city.did)).rejects.toMatchObject({
      code: 'ERR_DID_RESOLUTION_FAILED',
      details: { error: 'tooManyEvents' },
    })
  })

  it('behavior: the resolution cache keeps versions apart', async () => {
    const city = await newIdentity()
    const { transaction } = await changeOwner({ identity: city, keyStore })
    const cached = createResolver({ resolvers: [didEthrResolver({ networks: [node.network] })] })
    const past = await cached.resolve(`${city.did}?versionId=${transaction.blockNumber - 1}`)
    const now = await cached.resolve(city.did)
    const account = (result: typeof past) =>
      result.didDocument?.verificationMethod?.[0]?.blockchainAccountId?.toLowerCase()
    expect(account(past)).toBe(`eip155:1337:${city.address}`)
    expect(account(now)).not.toBe(`eip155:1337:${city.address}`)
  })

  describe('hostile input', () => {
    const cases: [string, string, string][] = [
      ['a non-numeric versionId', '?versionId=12abc', 'invalidDidUrl'],
      ['two versions', '?versionId=1&versionTime=2020-01-01T00:00:00Z', 'invalidDidUrl'],
      ['a versionTime without a zone', '?versionTime=2020-01-01T00:00:00', 'invalidDidUrl'],
    ]
    for (const [name, query, error] of cases) {
      it(`error: ${name} resolves to ${error}`, async () => {
        const city = await createDidEthr({ keyStore, network: node.network })
        const result = await resolver.resolve(`${city.did}${query}`)
        expect(result.didResolutionMetadata.error).toBe(error)
      })
    }

    it('error: an unconfigured network resolves to unknownNetwork', async () => {
      const result = await resolver.resolve('did:ethr:0x1:0x1111111111111111111111111111111111111111')
      expect(result.didResolutionMetadata.error).toBe('unknownNetwork')
    })

    it('error: a malformed identifier resolves to invalidDid (ERR_DID_INVALID)', async () => {
      await expect(resolveDidDocument(resolver, 'did:ethr:0x539:0x1234')).rejects.toMatchObject({
        code: 'ERR_DID_INVALID',
      })
    })

    it('error: an unreachable node resolves to notFound', async () => {
      const down = { ...node.network, rpcUrl: 'http://127.0.0.1:9' }
      const offline = createResolver({ resolvers: [didEthrResolver({ networks: [down], timeoutMs: 2000 })] })
      const city = await createDidEthr({ keyStore, network: down })
      expect((await offline.resolve(city.did)).didResolutionMetadata.error).toBe('notFound')
    })

    it('error: malformed networks and keys are ERR_INVALID_ARGUMENT and ERR_ALGORITHM_UNSUPPORTED', async () => {
      expect(() => didEthrResolver({ networks: [] })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
      for (const network of [
        { ...node.network, rpcUrl: 'file:///etc/passwd' },
        { ...node.network, registry: '0x12' },
        { ...node.network, chainId: -1 },
        { ...node.network, name: 'Bad Name' },
      ]) {
        expect(() => didEthrResolver({ networks: [network] })).toThrow(
          expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
        )
      }
      const { id } = await keyStore.createKey({ alg: 'EdDSA' })
      await expect(createDidEthr({ keyStore, network: node.network, keyId: id })).rejects.toMatchObject({
        code: 'ERR_ALGORITHM_UNSUPPORTED',
      })
    })

    it('error: an unfunded owner cannot update the registry (ERR_DID_UPDATE_FAILED)', async () => {
      const city = await createDidEthr({ keyStore, network: node.network })
      await expect(
        setAttribute({ identity: city, keyStore, name: 'did/svc/LinkedDomains', value: 'https://x.example' }),
      ).rejects.toMatchObject({ code: 'ERR_DID_UPDATE_FAILED' })
    })
  })
})
