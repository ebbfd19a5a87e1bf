import { createMemoryKeyStore, signJws, verifyJws } from '@civitas/crypto'
import { describeResolverConformance } from '@civitas/test-utils'
import { Resolver, type ResolverRegistry } from 'did-resolver'
import { getResolver as peerLibraryResolver } from 'peer-did-resolver'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_KEYS } from '../../../../test/support/smallOrderEd25519.js'
import { createResolver } from '../createResolver.js'
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

const resolver = () => createResolver({ resolvers: [didPeerResolver()], cache: false })
// peer-did-resolver is typed against did-resolver 4; the registry shape is the same in 6.
const library = new Resolver(peerLibraryResolver() as unknown as ResolverRegistry)
const X25519 = 'z6LSg8zQom395jKLrGiBNruB9MM6V8PWuf2FpEy4uRFiqQBR'
const ED25519 = 'z6Mkj3PUd1WjvaDhNZhhhXQdz5UnZXmS7ehtx8bsPpD47kKc'

describeResolverConformance('did:peer resolver', resolver, {
  resolvable: [SPEC_PEER0, SPEC_PEER2, SPEC_METHOD3_PEER2],
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
    'behavior: a %s did:peer:2 and did:peer:0 sign JWSs that verify through createResolver, and peer-did-resolver agrees on the key',
    async (alg) => {
      const keyStore = createMemoryKeyStore()
      for (const numalgo of [0, 2] as const) {
        const holder = await createDidPeer({ keyStore, alg, numalgo })
        expect(holder.did.startsWith(`did:peer:${numalgo}`)).toBe(true)
        const token = await signJws({ payload: { hello: 'peer' }, signer: holder.signer })
        const { publicJwk } = await resolveVerificationKey({
          resolver: resolver(),
          kid: holder.kid,
          relationship: 'authentication',
        })
        expect((await verifyJws(token, { publicJwk })).payload).toEqual({ hello: 'peer' })
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
