import type { VerificationMethod } from '@civitas/core'
import { base58btc } from 'multiformats/bases/base58'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_KEYS } from '../../../test/support/smallOrderEd25519.js'
import { createResolver } from './createResolver.js'
import { didJwkFromPublicJwk } from './jwk/didJwkFromPublicJwk.js'
import { didKeyFromPublicJwk } from './key/didKeyFromPublicJwk.js'
import { publicJwkFromVerificationMethod } from './publicJwkFromVerificationMethod.js'
import { resolveDidDocument } from './resolveDidDocument.js'

const resolver = createResolver({ cache: false })
const controller = 'did:web:city.example'

// Every encoding of an Ed25519 point of small order (table and source: test/support/smallOrderEd25519.ts).
describe.each(SMALL_ORDER_KEYS)('Ed25519 key of small order: $name', ({ bytes, jwk, multikey, dids }) => {
  it('error: its did:key and did:jwk resolve to invalidPublicKey, and resolveDidDocument throws ERR_DID_INVALID', async () => {
    for (const { did } of dids) {
      const { didDocument, didResolutionMetadata } = await resolver.resolve(did)
      expect(didResolutionMetadata.error).toBe('invalidPublicKey')
      expect(didDocument).toBeNull()
      await expect(resolveDidDocument(resolver, did)).rejects.toMatchObject({
        code: 'ERR_DID_INVALID',
        details: { error: 'invalidPublicKey' },
      })
    }
  })

  it('error: no did:key or did:jwk is made from it (ERR_JWK_INVALID)', () => {
    for (const make of [didKeyFromPublicJwk, didJwkFromPublicJwk]) {
      expect(() => make(jwk as never)).toThrow(expect.objectContaining({ code: 'ERR_JWK_INVALID' }))
    }
  })

  it('error: a verification method holding it as JWK, multikey or base58 yields no key', async () => {
    const methods: [Partial<VerificationMethod>, string][] = [
      [{ type: 'JsonWebKey2020', publicKeyJwk: jwk as never }, 'ERR_JWK_INVALID'],
      [{ type: 'Multikey', publicKeyMultibase: multikey }, 'ERR_MULTIKEY_INVALID'],
      [
        { type: 'Ed25519VerificationKey2018', publicKeyBase58: base58btc.baseEncode(bytes) },
        'ERR_KEY_INVALID',
      ],
    ]
    for (const [material, code] of methods) {
      const method = { id: `${controller}#key-1`, controller, ...material } as VerificationMethod
      await expect(publicJwkFromVerificationMethod(method)).rejects.toMatchObject({ code })
    }
  })
})
