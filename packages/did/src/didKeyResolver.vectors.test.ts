import type { DidDocument, VerificationMethod } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { readVector } from '../../../test/support/vectors.js'
import { createResolver } from './createResolver.js'
import { publicJwkFromVerificationMethod } from './publicJwkFromVerificationMethod.js'

const RELATIONSHIPS = [
  'authentication',
  'assertionMethod',
  'keyAgreement',
  'capabilityInvocation',
  'capabilityDelegation',
] as const
const resolver = createResolver({ cache: false })

function fragment(id: string): string {
  return id.slice(id.indexOf('#'))
}

function methodsOf(document: DidDocument): VerificationMethod[] {
  const embedded = RELATIONSHIPS.flatMap((name) =>
    (document[name] ?? []).filter((entry) => typeof entry === 'object'),
  )
  return [...(document.verificationMethod ?? []), ...(embedded as VerificationMethod[])]
}

/** Our document must hold the same keys under the same fragments and relationships as the vector's. */
async function expectSameKeys(did: string, expected: DidDocument): Promise<void> {
  const { didDocument, didResolutionMetadata } = await resolver.resolve(did)
  expect(didResolutionMetadata.error).toBeUndefined()
  const ours = didDocument as unknown as DidDocument
  expect(ours.id).toBe(did)
  const ourKeys = new Map(
    await Promise.all(
      methodsOf(ours).map(
        async (method) => [fragment(method.id), await publicJwkFromVerificationMethod(method)] as const,
      ),
    ),
  )
  for (const method of methodsOf(expected)) {
    expect(ourKeys.get(fragment(method.id))).toEqual(await publicJwkFromVerificationMethod(method))
  }
  for (const name of RELATIONSHIPS) {
    const ids = (document: DidDocument) =>
      (document[name] ?? []).map((entry) => fragment(typeof entry === 'string' ? entry : entry.id)).sort()
    expect(ids(ours), name).toEqual(ids(expected))
  }
}

type KeyedVectors = Record<string, { didDocument: DidDocument }>
const SUPPORTED_PREFIXES = ['did:key:z6Mk', 'did:key:zDn', 'did:key:zQ3s', 'did:key:z6LS']

describe('did:key vectors', () => {
  // ../shared/vectors/did-key/ed25519-x25519.json, secp256k1.json, nist-curves.json (w3c-ccg/did-method-key)
  for (const file of ['ed25519-x25519.json', 'secp256k1.json', 'nist-curves.json']) {
    for (const [did, vector] of Object.entries(readVector<KeyedVectors>(`did-key/${file}`))) {
      if (SUPPORTED_PREFIXES.some((prefix) => did.startsWith(prefix))) {
        it(`behavior: ${file} ${did.slice(0, 24)}… resolves to the vector's keys`, () =>
          expectSameKeys(did, vector.didDocument))
      } else {
        it(`error: ${file} ${did.slice(0, 24)}… (P-384/P-521) is refused as invalidPublicKeyType`, async () => {
          const { didResolutionMetadata } = await resolver.resolve(did)
          expect(didResolutionMetadata.error).toBe('invalidPublicKeyType')
        })
      }
    }
  }

  // ../shared/vectors/did-key/x25519.json: key-agreement-only DIDs, keyed under didDocument
  const x25519 = readVector<{ didDocument: Record<string, DidDocument> }>('did-key/x25519.json')
  for (const [did, document] of Object.entries(x25519.didDocument)) {
    it(`behavior: x25519.json ${did.slice(0, 24)}… resolves with keyAgreement only`, () =>
      expectSameKeys(did, document))
  }

  // ../shared/vectors/did-key/spec-multikey-example.json: the did-key spec's Multikey example and test DIDs
  const spec = readVector<{
    did: string
    expectedDidDocument: DidDocument
    otherValidDidsListedInSpec: Record<string, string[]>
  }>('did-key/spec-multikey-example.json')
  it('behavior: the spec example resolves to its Multikey document keys', () =>
    expectSameKeys(spec.did, spec.expectedDidDocument))
  for (const did of Object.values(spec.otherValidDidsListedInSpec).flat()) {
    it(`behavior: spec test DID ${did.slice(0, 24)}… resolves`, async () => {
      const { didDocument, didResolutionMetadata } = await resolver.resolve(did)
      if (SUPPORTED_PREFIXES.some((prefix) => did.startsWith(prefix))) {
        expect(didResolutionMetadata.error).toBeUndefined()
        expect(didDocument?.id).toBe(did)
      } else {
        expect(didResolutionMetadata.error).toBe('invalidPublicKeyType')
      }
    })
  }
})
