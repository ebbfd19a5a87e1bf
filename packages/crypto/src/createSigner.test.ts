import { describe, expect, it } from 'vitest'
import { createMemoryKeyStore } from './createMemoryKeyStore.js'
import { createSigner } from './createSigner.js'
import { signJws } from './signJws.js'
import { verifyJws } from './verifyJws.js'
import { verifySignature } from './verifySignature.js'

describe('createSigner', () => {
  it.each(['EdDSA', 'ES256', 'ES256K'] as const)(
    'behavior: a %s signer takes its alg from the key and signs verifiably',
    async (alg) => {
      const keyStore = createMemoryKeyStore()
      const { id, publicJwk } = await keyStore.createKey({ alg })
      const signer = await createSigner({ keyStore, keyId: id })
      expect(signer.alg).toBe(alg)
      expect(signer).not.toHaveProperty('kid')
      const data = new TextEncoder().encode('hello')
      const signature = await signer.sign(data)
      expect(await verifySignature({ publicJwk, alg, data, signature })).toBe(true)
    },
  )

  it('behavior: the kid given is announced and lands in the JWS header', async () => {
    const keyStore = createMemoryKeyStore()
    const { id, publicJwk } = await keyStore.createKey({ alg: 'ES256' })
    const signer = await createSigner({ keyStore, keyId: id, kid: 'did:example:city#key-1' })
    expect(signer.kid).toBe('did:example:city#key-1')
    const token = await signJws({ payload: { hello: 'world' }, signer })
    const decoded = await verifyJws(token, { publicJwk })
    expect(decoded.header).toMatchObject({ alg: 'ES256', kid: 'did:example:city#key-1' })
  })

  it('error: an unknown key id is ERR_KEY_NOT_FOUND', async () => {
    const keyStore = createMemoryKeyStore()
    await expect(createSigner({ keyStore, keyId: 'missing' })).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
  })

  it('error: a signer whose key was deleted fails with ERR_KEY_NOT_FOUND', async () => {
    const keyStore = createMemoryKeyStore()
    const { id } = await keyStore.createKey({ alg: 'EdDSA' })
    const signer = await createSigner({ keyStore, keyId: id })
    await keyStore.deleteKey(id)
    await expect(signer.sign(new Uint8Array([1]))).rejects.toMatchObject({ code: 'ERR_KEY_NOT_FOUND' })
  })

  it.each([
    ['no key store', { keyStore: undefined, keyId: 'k' }],
    ['an empty kid', { keyStore: createMemoryKeyStore(), keyId: 'k', kid: '' }],
  ])('error: %s is ERR_INVALID_ARGUMENT', async (_name, options) => {
    await expect(createSigner(options as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })
})
