import { createMemoryKeyStore, importPublicJwk } from '@civitas/crypto'
import { createResolver, publicJwkFromVerificationMethod, resolveDidDocument } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { Resolver } from 'did-resolver'
import { getResolver } from 'key-did-resolver'
import { describe, expect, it } from 'vitest'

// Peer: key-did-resolver (the Ceramic did:key resolver) must see the same key in a did:key that
// Civitas makes, and must plug into createResolver as any did-resolver registry does.

const peer = new Resolver(getResolver())

describe('interop with key-did-resolver', () => {
  for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
    it(`behavior: a Civitas ${alg} did:key resolves to the same key in key-did-resolver`, async () => {
      const keyStore = createMemoryKeyStore()
      const identity = await createDidKey({ keyStore, alg })
      const ours = await resolveDidDocument(createResolver(), identity.did)
      const { didDocument, didResolutionMetadata } = await peer.resolve(identity.did)
      expect(didResolutionMetadata.error).toBeUndefined()
      expect(didDocument?.id).toBe(identity.did)
      const theirKeys = await Promise.all(
        (didDocument?.verificationMethod ?? []).map((method) =>
          publicJwkFromVerificationMethod(method as never),
        ),
      )
      const ourKey = await publicJwkFromVerificationMethod(ours.verificationMethod?.[0] as never)
      expect(theirKeys).toContainEqual(ourKey)
      const [info] = await keyStore.listKeys()
      expect(importPublicJwk(info?.publicJwk)).toEqual(ourKey)
    })
  }

  it('behavior: key-did-resolver plugs into createResolver', async () => {
    const identity = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const resolver = createResolver({ resolvers: [getResolver() as never] })
    const document = await resolveDidDocument(resolver, identity.did)
    expect(document.id).toBe(identity.did)
  })
})
