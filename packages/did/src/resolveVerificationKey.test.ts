import type { DidDocument } from '@civitas/core'
import { createMemoryKeyStore, encodeMultikey, generateKeyPair } from '@civitas/crypto'
import { describeResolverConformance } from '@civitas/test-utils'
import { base58btc } from 'multiformats/bases/base58'
import { describe, expect, it } from 'vitest'
import { createResolver } from './createResolver.js'
import { findVerificationMethod } from './findVerificationMethod.js'
import { createDidKey } from './key/createDidKey.js'
import { resolveDidDocument } from './resolveDidDocument.js'
import { resolveVerificationKey } from './resolveVerificationKey.js'

const ED25519 = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
const didKeyOf = (bytes: Uint8Array) => `did:key:${base58btc.encode(bytes)}`

describeResolverConformance('createResolver()', () => createResolver(), {
  resolvable: [
    ED25519,
    'did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv',
    'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme',
  ],
  invalid: ['did:key:6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:key:z6Mk', 'did:jwk:e30'],
})

describe('invalid did:key identifiers', () => {
  const cases: [string, string, string][] = [
    ['a non-z multibase', 'did:key:mAe0B', 'invalidDid'],
    ['bad base58', 'did:key:z0OIl', 'invalidDid'],
    [
      'an unknown codec',
      didKeyOf(new Uint8Array([0x12, 0x20, ...new Uint8Array(32)])),
      'invalidPublicKeyType',
    ],
    [
      'a short Ed25519 key',
      didKeyOf(new Uint8Array([0xed, 0x01, ...new Uint8Array(31).fill(7)])),
      'invalidPublicKeyLength',
    ],
    [
      'a long secp256k1 key',
      didKeyOf(new Uint8Array([0xe7, 0x01, 2, ...new Uint8Array(33).fill(7)])),
      'invalidPublicKeyLength',
    ],
    [
      'an off-curve P-256 point',
      didKeyOf(new Uint8Array([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)])),
      'invalidPublicKey',
    ],
    ['an oversized identifier', `did:key:z${'6'.repeat(5000)}`, 'invalidDid'],
  ]
  const resolver = createResolver()
  for (const [name, did, error] of cases) {
    it(`error: ${name} resolves to ${error}, and resolveDidDocument throws ERR_DID_INVALID`, async () => {
      expect((await resolver.resolve(did)).didResolutionMetadata.error).toBe(error)
      await expect(resolveDidDocument(resolver, did)).rejects.toMatchObject({ code: 'ERR_DID_INVALID' })
    })
  }

  it('error: an unknown method is ERR_DID_METHOD_NOT_SUPPORTED', async () => {
    await expect(resolveDidDocument(resolver, 'did:example:123')).rejects.toMatchObject({
      code: 'ERR_DID_METHOD_NOT_SUPPORTED',
    })
  })
})

describe('resolveVerificationKey', () => {
  const resolver = createResolver()
  const kid = `${ED25519}#${ED25519.slice(8)}`
  const agreementKid = `${ED25519}#z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p`

  it('behavior: finds the key of an assertionMethod and caches the lookup', async () => {
    const first = await resolveVerificationKey({ resolver, kid, relationship: 'assertionMethod' })
    const second = await resolveVerificationKey({ resolver, kid, relationship: 'assertionMethod' })
    expect(first.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) })
    expect(second).toBe(first)
  })

  const refused: [string, Parameters<typeof resolveVerificationKey>[0], string][] = [
    [
      'a relative kid',
      { resolver, kid: '#key-1', relationship: 'assertionMethod' },
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
    ],
    [
      'a kid of another DID',
      {
        resolver,
        kid,
        did: 'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme',
        relationship: 'assertionMethod',
      },
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
    ],
    [
      'a missing fragment',
      { resolver, kid: `${ED25519}#nope`, relationship: 'assertionMethod' },
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
    ],
    [
      'a key-agreement key used to sign',
      { resolver, kid: agreementKid, relationship: 'assertionMethod' },
      'ERR_VERIFICATION_RELATIONSHIP',
    ],
    [
      'a non-string kid',
      { resolver, kid: 42 as unknown as string, relationship: 'authentication' },
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
    ],
    [
      'an invalid DID',
      { resolver, kid: 'did:key:zzz#zzz', relationship: 'authentication' },
      'ERR_DID_INVALID',
    ],
  ]
  for (const [name, options, code] of refused) {
    it(`error: ${name} is ${code}`, async () => {
      await expect(resolveVerificationKey(options)).rejects.toMatchObject({ code })
    })
  }
})

describe('findVerificationMethod', () => {
  const did = 'did:example:city'
  const document = (extra: Partial<DidDocument>): DidDocument => ({
    id: did,
    verificationMethod: [
      { id: `${did}#auth`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mk' },
    ],
    ...extra,
  })

  it('behavior: accepts relative references in relationships and relative kids', () => {
    const doc = document({ authentication: ['#auth'] })
    expect(findVerificationMethod(doc, '#auth', 'authentication').id).toBe(`${did}#auth`)
    expect(findVerificationMethod(doc, `${did}#auth`, 'authentication').id).toBe(`${did}#auth`)
  })

  it('behavior: finds methods embedded in the relationship', () => {
    const embedded = { id: `${did}#embedded`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mk' }
    expect(
      findVerificationMethod(document({ assertionMethod: [embedded] }), `${did}#embedded`, 'assertionMethod'),
    ).toBe(embedded)
  })

  it('error: a key listed only under authentication cannot issue (ERR_VERIFICATION_RELATIONSHIP)', () => {
    expect(() =>
      findVerificationMethod(document({ authentication: ['#auth'] }), '#auth', 'assertionMethod'),
    ).toThrow(expect.objectContaining({ code: 'ERR_VERIFICATION_RELATIONSHIP' }))
  })

  it('error: a hostile relationship value is treated as empty', () => {
    const hostile = document({ assertionMethod: 'x' as unknown as string[] })
    expect(() => findVerificationMethod(hostile, '#auth', 'assertionMethod')).toThrow(
      expect.objectContaining({ code: 'ERR_VERIFICATION_RELATIONSHIP' }),
    )
  })
})

describe('resolveDidDocument with a hostile method resolver', () => {
  const hostileDocuments: [string, unknown, string][] = [
    ['a document for another DID', { id: 'did:hostile:other' }, 'ERR_DID_DOCUMENT_INVALID'],
    [
      'too many methods',
      { id: 'did:hostile:1', verificationMethod: new Array(65).fill({}) },
      'ERR_DID_DOCUMENT_INVALID',
    ],
    ['a non-array relationship', { id: 'did:hostile:1', authentication: {} }, 'ERR_DID_DOCUMENT_INVALID'],
  ]
  for (const [name, didDocument, code] of hostileDocuments) {
    it(`error: ${name} is ${code}`, async () => {
      const resolver = createResolver({
        resolvers: [
          {
            hostile: async () => ({
              didResolutionMetadata: {},
              didDocument: didDocument as never,
              didDocumentMetadata: {},
            }),
          },
        ],
      })
      await expect(resolveDidDocument(resolver, 'did:hostile:1')).rejects.toMatchObject({ code })
    })
  }

  it('error: a deactivated DID is ERR_DID_DEACTIVATED', async () => {
    const resolver = createResolver({
      resolvers: [
        {
          gone: async () => ({
            didResolutionMetadata: {},
            didDocument: { id: 'did:gone:1' },
            didDocumentMetadata: { deactivated: true },
          }),
        },
      ],
    })
    await expect(resolveDidDocument(resolver, 'did:gone:1')).rejects.toMatchObject({
      code: 'ERR_DID_DEACTIVATED',
    })
  })

  it('error: a resolver that throws is ERR_DID_RESOLUTION_FAILED', async () => {
    const resolver = { resolve: async () => Promise.reject(new Error('boom')) }
    await expect(resolveDidDocument(resolver, ED25519)).rejects.toMatchObject({
      code: 'ERR_DID_RESOLUTION_FAILED',
    })
  })
})

describe('identities from generated keys', () => {
  it('behavior: a did:key made from a key store resolves to that key', async () => {
    const identity = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256K' })
    const document = await resolveDidDocument(createResolver(), identity.did)
    expect(document.verificationMethod?.[0]?.publicKeyMultibase).toBe(identity.did.slice(8))
  })

  it('behavior: encodeMultikey of a generated key is what did:key embeds', async () => {
    const { publicJwk } = await generateKeyPair({ alg: 'EdDSA' })
    const document = await resolveDidDocument(createResolver(), `did:key:${encodeMultikey(publicJwk)}`)
    expect(document.keyAgreement).toHaveLength(1)
  })
})
