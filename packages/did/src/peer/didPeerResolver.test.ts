import { createMemoryKeyStore, signJws, verifyJws } from '@civitas/crypto'
import { describeResolverConformance } from '@civitas/test-utils'
import { Resolver, type ResolverRegistry } from 'did-resolver'
import { getResolver as peerLibraryResolver } from 'peer-did-resolver'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_KEYS } from '../../../../test/support/smallOrderEd25519.js'
import { createResolver } from '../createResolver.js'
import { encodePeer4Document, peer4HashOf } from '../internal/didPeer4Document.js'
import { resolveVerificationKey } from '../resolveVerificationKey.js'
import { createDidPeer } from './createDidPeer.js'
import { didPeerResolver } from './didPeerResolver.js'

// The did:peer specification's own examples: decentralized-identity/peer-did-method-spec, spec/core.md
// ("Method 0", "Method 2" with "Example Peer DID 2", "Method 3"), https://identity.foundation/peer-did-method-spec/
const SPEC_PEER0 = 'did:peer:0z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH'
const SPEC_PEER0_AS_KEY = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH'
const SPEC_SERVICE_1 =
  'SeyJ0IjoiZG0iLCJzIjp7InVyaSI6Imh0dHA6Ly9leGFtcGxlLmNvbS9kaWRjb21tIiwiYSI6WyJkaWRjb21tL3YyIl0sInIiOlsiZGlkOmV4YW1wbGU6MTIzNDU2Nzg5YWJjZGVmZ2hpI2tleS0xIl19fQ'
const SPEC_SERVICE_2 =
  'SeyJ0IjoiZG0iLCJzIjp7InVyaSI6Imh0dHA6Ly9leGFtcGxlLmNvbS9hbm90aGVyIiwiYSI6WyJkaWRjb21tL3YyIl0sInIiOlsiZGlkOmV4YW1wbGU6MTIzNDU2Nzg5YWJjZGVmZ2hpI2tleS0yIl19fQ'
const SPEC_PEER2 = `did:peer:2.Vz6Mkj3PUd1WjvaDhNZhhhXQdz5UnZXmS7ehtx8bsPpD47kKc.Ez6LSg8zQom395jKLrGiBNruB9MM6V8PWuf2FpEy4uRFiqQBR.${SPEC_SERVICE_1}.${SPEC_SERVICE_2}`
const SPEC_PEER2_DOCUMENT = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: SPEC_PEER2,
  verificationMethod: [
    {
      id: '#key-1',
      controller: SPEC_PEER2,
      type: 'Multikey',
      publicKeyMultibase: 'z6Mkj3PUd1WjvaDhNZhhhXQdz5UnZXmS7ehtx8bsPpD47kKc',
    },
    {
      id: '#key-2',
      controller: SPEC_PEER2,
      type: 'Multikey',
      publicKeyMultibase: 'z6LSg8zQom395jKLrGiBNruB9MM6V8PWuf2FpEy4uRFiqQBR',
    },
  ],
  authentication: ['#key-1'],
  keyAgreement: ['#key-2'],
  service: [
    {
      type: 'DIDCommMessaging',
      serviceEndpoint: {
        uri: 'http://example.com/didcomm',
        accept: ['didcomm/v2'],
        routingKeys: ['did:example:123456789abcdefghi#key-1'],
      },
      id: '#service',
    },
    {
      type: 'DIDCommMessaging',
      serviceEndpoint: {
        uri: 'http://example.com/another',
        accept: ['didcomm/v2'],
        routingKeys: ['did:example:123456789abcdefghi#key-2'],
      },
      id: '#service-1',
    },
  ],
  alsoKnownAs: ['did:peer:3zQmd6RdU6e2nDrLn1rjwdA5Buzq7wJwsv3WJ1AgrwKYJoLE'],
}
const SPEC_METHOD3_PEER2 =
  'did:peer:2.Ez6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc.Vz6MkqRYqQiSgvZQdnBytw86Qbs2ZWUkGv22od935YF4s8M7V.Vz6MkgoLTnTypo3tDRwCkZXSccTPHRLhF4ZnjhueYAFpEX6vg.SeyJ0IjoiZG0iLCJzIjoiaHR0cHM6Ly9leGFtcGxlLmNvbS9lbmRwb2ludCIsInIiOlsiZGlkOmV4YW1wbGU6c29tZW1lZGlhdG9yI3NvbWVrZXkiXSwiYSI6WyJkaWRjb21tL3YyIiwiZGlkY29tbS9haXAyO2Vudj1yZmM1ODciXX0'
const SPEC_METHOD3_PEER3 = 'did:peer:3zQmS19jtYDvGtKVrJhQnRFpBQAx3pJ9omx2HpNrcXFuRCz9'

// did:peer:4: the spec's long-form example (spec/core.md, "Method 4") and the did-peer-4 reference
// implementation's README example (decentralized-identity/did-peer-4, README.md: {"hello":"world"}).
const SPEC_PEER4_SHORT = 'did:peer:4zQmd8CpeFPci817KDsbSAKWcXAE2mjvCQSasRewvbSF54Bd'
const SPEC_PEER4 = `${SPEC_PEER4_SHORT}:z2M1k7h4psgp4CmJcnQn2Ljp7Pz7ktsd7oBhMU3dWY5s4fhFNj17qcRTQ427C7QHNT6cQ7T3XfRh35Q2GhaNFZmWHVFq4vL7F8nm36PA9Y96DvdrUiRUaiCuXnBFrn1o7mxFZAx14JL4t8vUWpuDPwQuddVo1T8myRiVH7wdxuoYbsva5x6idEpCQydJdFjiHGCpNc2UtjzPQ8awSXkctGCnBmgkhrj5gto3D4i3EREXYq4Z8r2cWGBr2UzbSmnxW2BuYddFo9Yfm6mKjtJyLpF74ytqrF5xtf84MnGFg1hMBmh1xVx1JwjZ2BeMJs7mNS8DTZhKC7KH38EgqDtUZzfjhpjmmUfkXg2KFEA3EGbbVm1DPqQXayPYKAsYPS9AyKkcQ3fzWafLPP93UfNhtUPL8JW5pMcSV3P8v6j3vPXqnnGknNyBprD6YGUVtgLiAqDBDUF3LSxFQJCVYYtghMTv8WuSw9h1a1SRFrDQLGHE4UrkgoRvwaGWr64aM87T1eVGkP5Dt4L1AbboeK2ceLArPScrdYGTpi3BpTkLwZCdjdiFSfTy9okL1YNRARqUf2wm8DvkVGUU7u5nQA3ZMaXWJAewk6k1YUxKd7LvofGUK4YEDtoxN5vb6r1Q2godrGqaPkjfL3RoYPpDYymf9XhcgG8Kx3DZaA6cyTs24t45KxYAfeCw4wqUpCH9HbpD78TbEUr9PPAsJgXBvBj2VVsxnr7FKbK4KykGcg1W8M1JPz21Z4Y72LWgGQCmixovrkHktcTX1uNHjAvKBqVD5C7XmVfHgXCHj7djCh3vzLNuVLtEED8J1hhqsB1oCBGiuh3xXr7fZ9wUjJCQ1HYHqxLJKdYKtoCiPmgKM7etVftXkmTFETZmpM19aRyih3bao76LdpQtbw636r7a3qt8v4WfxsXJetSL8c7t24SqQBcAY89FBsbEnFNrQCMK3JEseKHVaU388ctvRD45uQfe5GndFxthj4iSDomk4uRFd1uRbywoP1tRuabHTDX42UxPjz`
const HELLO_PEER4 = 'did:peer:4zQmb7xLdVY9TXx8oov5XgpGUmGELgqiAV2699s43i6Qdm3M:zQSJgiFTYiCHjQ9MktwNThRXM7a'

const resolver = () => createResolver({ resolvers: [didPeerResolver()], cache: false })
// peer-did-resolver is typed against did-resolver 4; the registry shape is the same in 6.
const library = new Resolver(peerLibraryResolver() as unknown as ResolverRegistry)
const X25519 = 'z6LSg8zQom395jKLrGiBNruB9MM6V8PWuf2FpEy4uRFiqQBR'
const ED25519 = 'z6Mkj3PUd1WjvaDhNZhhhXQdz5UnZXmS7ehtx8bsPpD47kKc'

describeResolverConformance('did:peer resolver', resolver, {
  resolvable: [SPEC_PEER0, SPEC_PEER2, SPEC_METHOD3_PEER2, SPEC_PEER4, HELLO_PEER4],
  invalid: [
    'did:peer:1zQmZMygzYqNwU6Uhmewx5Xepf2VLp5S4HLSwwgf2aiKZuwa',
    'did:peer:3zQmS19jtYDvGtKVrJhQnRFpBQAx3pJ9omx2HpNrcXFuRCz9',
    'did:peer:0z6Mk',
    'did:peer:2',
    `did:peer:2.X${ED25519}`,
    `did:peer:2.V${X25519}`,
  ],
})

describe('didPeerResolver', () => {
  it("vector: the spec's did:peer:0 resolves to the document of the did:key it equals, under its own id", async () => {
    const peer = (await resolver().resolve(SPEC_PEER0)).didDocument
    const key = (await createResolver({ cache: false }).resolve(SPEC_PEER0_AS_KEY)).didDocument
    expect(JSON.stringify(peer)).toBe(JSON.stringify(key).replaceAll(SPEC_PEER0_AS_KEY, SPEC_PEER0))
  })

  it('vector: the spec\'s "Example Peer DID 2" resolves to exactly the spec\'s document', async () => {
    const result = await resolver().resolve(SPEC_PEER2)
    expect(result.didResolutionMetadata.error).toBeUndefined()
    expect(result.didDocument).toEqual(SPEC_PEER2_DOCUMENT)
  })

  it("vector: alsoKnownAs is the did:peer:3 of the spec's method 3 example", async () => {
    expect((await resolver().resolve(SPEC_METHOD3_PEER2)).didDocument?.alsoKnownAs).toEqual([
      SPEC_METHOD3_PEER3,
    ])
  })

  it("vector: the spec's long-form did:peer:4 resolves to its input document, contextualized", async () => {
    const document = (await resolver().resolve(SPEC_PEER4)).didDocument as unknown as Record<string, unknown>
    expect(document.id).toBe(SPEC_PEER4)
    expect(document.alsoKnownAs).toEqual([SPEC_PEER4_SHORT])
    expect(document.verificationMethod).toEqual([
      {
        id: '#6LSqPZfn',
        type: 'X25519KeyAgreementKey2020',
        publicKeyMultibase: 'z6LSqPZfn9krvgXma2icTMKf2uVcYhKXsudCmPoUzqGYW24U',
        controller: SPEC_PEER4,
      },
      {
        id: '#6MkrCD1c',
        type: 'Ed25519VerificationKey2020',
        publicKeyMultibase: 'z6MkrCD1csqtgdj8sjrsu8jxcbeyP6m7LiK87NzhfWqio5yr',
        controller: SPEC_PEER4,
      },
    ])
    expect(document.authentication).toEqual(['#6MkrCD1c'])
    expect(document.keyAgreement).toEqual(['#6LSqPZfn'])
    expect(document.service).toEqual([
      {
        id: '#didcommmessaging-0',
        type: 'DIDCommMessaging',
        // The example DID encodes this uri; the input shown beside it in the spec reads didcomm://queue.
        serviceEndpoint: { uri: 'didcomm:transport/queue', accept: ['didcomm/v2'], routingKeys: [] },
      },
    ])
    const hello = (await resolver().resolve(HELLO_PEER4)).didDocument
    expect(hello).toEqual({
      hello: 'world',
      id: HELLO_PEER4,
      alsoKnownAs: ['did:peer:4zQmb7xLdVY9TXx8oov5XgpGUmGELgqiAV2699s43i6Qdm3M'],
    })
  })

  it('error: a did:peer:4 short form alone is notFound; a document that fails its hash is invalidDid', async () => {
    expect((await resolver().resolve(SPEC_PEER4_SHORT)).didResolutionMetadata.error).toBe('notFound')
    const swapped = `${SPEC_PEER4_SHORT}:${HELLO_PEER4.split(':')[3]}`
    expect((await resolver().resolve(swapped)).didResolutionMetadata.error).toBe('invalidDid')
  })

  it.each([
    ['an id of its own', { id: 'did:example:other' }],
    ['a method with an absolute id', { verificationMethod: [{ id: 'did:key:z6Mk#x', type: 'Multikey' }] }],
    ['a relationship that is not a list', { authentication: '#key-1' }],
  ])('error: a did:peer:4 whose document has %s is invalidDid', async (_name, document) => {
    const encoded = encodePeer4Document(document as never)
    const result = await resolver().resolve(`did:peer:4${peer4HashOf(encoded)}:${encoded}`)
    expect(result.didResolutionMetadata.error).toBe('invalidDid')
  })

  it('error: a did:peer:4 document with __proto__ or duplicate members is invalidDid', async () => {
    const { base58btc } = await import('multiformats/bases/base58')
    for (const json of ['{"__proto__":{"x":1}}', '{"a":1,"a":2}', '[1]']) {
      const encoded = base58btc.encode(Uint8Array.of(0x80, 0x04, ...new TextEncoder().encode(json)))
      const result = await resolver().resolve(`did:peer:4${peer4HashOf(encoded)}:${encoded}`)
      expect(result.didResolutionMetadata.error, json).toBe('invalidDid')
    }
  })

  it('interop: peer-did-resolver reads the spec DIDs into the same methods, keys and services', async () => {
    for (const did of [SPEC_PEER2, SPEC_METHOD3_PEER2]) {
      const ours = (await resolver().resolve(did)).didDocument
      const theirs = (await library.resolve(did)).didDocument
      // peer-did-resolver lists methods by purpose; the ids (by position in the DID) are what count.
      const byId = (methods: unknown[] | undefined) =>
        [...(methods ?? [])].sort((a, b) =>
          String((a as { id: string }).id).localeCompare((b as { id: string }).id),
        )
      expect(byId(theirs?.verificationMethod)).toEqual(byId(ours?.verificationMethod))
      expect(theirs?.authentication).toEqual(ours?.authentication)
      expect(theirs?.keyAgreement).toEqual(ours?.keyAgreement)
      expect(theirs?.service).toEqual(ours?.service)
    }
    const ours0 = (await resolver().resolve(SPEC_PEER0)).didDocument
    const theirs0 = (await library.resolve(SPEC_PEER0)).didDocument
    // The spec leaves did:peer:0 fragments to did:key, whose documents name a key #z6Mk…;
    // peer-did-resolver drops the z (#6Mk…). Both resolve the same key.
    expect(theirs0?.verificationMethod?.[0]?.publicKeyMultibase).toBe(
      ours0?.verificationMethod?.[0]?.publicKeyMultibase,
    )
  })

  it.each([
    ['a small-order Ed25519 key', () => `did:peer:2.V${SMALL_ORDER_KEYS[0]?.multikey}`, 'invalidPublicKey'],
    [
      'an unknown key codec',
      () =>
        'did:peer:2.Vz2J9gaYxrKVpdoG9A4gRnmpnRCcxU6agDtFVVBVdn1JedouoZN7SzcyREXXzWgt3gGiwpoHq7K68X4m32D8HgzG8wv3sY5j7',
      'invalidPublicKeyType',
    ],
    ['a service that is not base64url JSON', () => `did:peer:2.V${ED25519}.Snot-json`, 'invalidDid'],
    [
      'a service that is a JSON list',
      () => `did:peer:2.V${ED25519}.S${Buffer.from('[{"t":"dm"}]').toString('base64url')}`,
      'invalidDid',
    ],
    [
      'a service with an absolute id',
      () =>
        `did:peer:2.V${ED25519}.S${Buffer.from('{"id":"did:example:x#s","t":"dm","s":"https://x"}').toString('base64url')}`,
      'invalidDid',
    ],
    [
      'a service with a duplicate member',
      () =>
        `did:peer:2.V${ED25519}.S${Buffer.from('{"t":"dm","t":"x","s":"https://x"}').toString('base64url')}`,
      'invalidDid',
    ],
    [
      'a service with __proto__',
      () => `did:peer:2.V${ED25519}.S${Buffer.from('{"__proto__":{},"t":"dm"}').toString('base64url')}`,
      'invalidDid',
    ],
    ['services only', () => `did:peer:2.${SPEC_SERVICE_1}`, 'invalidDid'],
    ['an over-long DID', () => `did:peer:2${`.V${ED25519}`.repeat(90)}`, 'invalidDid'],
    ['an X25519 key for assertion', () => `did:peer:2.A${X25519}`, 'invalidPublicKeyType'],
  ])('error: %s resolves to %s', async (_name, did, error) => {
    const result = await resolver().resolve(did())
    expect(result.didResolutionMetadata.error).toBe(error)
    expect(result.didDocument).toBeNull()
  })
})

describe('createDidPeer', () => {
  it("vector: a service encodes exactly as the spec's example (abbreviated, compact, unpadded)", async () => {
    const holder = await createDidPeer({
      keyStore: createMemoryKeyStore(),
      alg: 'EdDSA',
      services: [
        {
          type: 'DIDCommMessaging',
          serviceEndpoint: {
            uri: 'http://example.com/didcomm',
            accept: ['didcomm/v2'],
            routingKeys: ['did:example:123456789abcdefghi#key-1'],
          },
        },
      ],
    })
    expect(holder.did.endsWith(`.${SPEC_SERVICE_1}`)).toBe(true)
  })

  it.each(['EdDSA', 'ES256', 'ES256K'] as const)(
    'behavior: a %s did:peer:0, 2 and 4 sign JWSs that verify through createResolver, and peer-did-resolver agrees on the key',
    async (alg) => {
      const keyStore = createMemoryKeyStore()
      for (const numalgo of [0, 2, 4] as const) {
        const holder = await createDidPeer({ keyStore, alg, numalgo })
        expect(holder.did.startsWith(`did:peer:${numalgo}`)).toBe(true)
        const token = await signJws({ payload: { hello: 'peer' }, signer: holder.signer })
        const { publicJwk } = await resolveVerificationKey({
          resolver: resolver(),
          kid: holder.kid,
          relationship: 'authentication',
        })
        expect((await verifyJws(token, { publicJwk })).payload).toEqual({ hello: 'peer' })
        if (numalgo === 4) continue // peer-did-resolver has no numalgo 4
        const theirs = (await library.resolve(holder.did)).didDocument
        const ours = (await resolver().resolve(holder.did)).didDocument
        expect(theirs?.verificationMethod?.[0]?.publicKeyMultibase).toBe(
          ours?.verificationMethod?.[0]?.publicKeyMultibase,
        )
      }
    },
  )

  it('behavior: a did:peer:2 lists its key for authentication (#key-1) and assertion (#key-2)', async () => {
    const holder = await createDidPeer({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
    const document = (await resolver().resolve(holder.did)).didDocument
    expect(holder.kid).toBe(`${holder.did}#key-1`)
    expect(document?.authentication).toEqual(['#key-1'])
    expect(document?.assertionMethod).toEqual(['#key-2'])
  })

  it('error: services with numalgo 0, or a service with an absolute id, are ERR_INVALID_ARGUMENT', async () => {
    const keyStore = createMemoryKeyStore()
    await expect(createDidPeer({ keyStore, numalgo: 0, services: [{ type: 'X' }] })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(
      createDidPeer({
        keyStore,
        services: [{ id: 'did:example:1#s', type: 'X', serviceEndpoint: 'https://x' }],
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })
})
