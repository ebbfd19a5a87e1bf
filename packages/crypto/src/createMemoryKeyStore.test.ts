import { describeKeyStoreConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryKeyStore } from './createMemoryKeyStore.js'
import { generateKeyPair } from './generateKeyPair.js'

describeKeyStoreConformance('memory key store', () => createMemoryKeyStore())
describeKeyStoreConformance('memory key store limited to ES256', () =>
  createMemoryKeyStore({ algorithms: ['ES256'] }),
)

describe('createMemoryKeyStore', () => {
  it('behavior: declares all three algorithms by default', () => {
    expect(createMemoryKeyStore().algorithms).toEqual(['EdDSA', 'ES256', 'ES256K'])
  })

  it('behavior: declares exactly the algorithms asked for, without duplicates', () => {
    expect(createMemoryKeyStore({ algorithms: ['ES256K', 'EdDSA', 'ES256K'] }).algorithms).toEqual([
      'EdDSA',
      'ES256K',
    ])
  })

  it.each([
    ['an unknown algorithm', ['HS256']],
    ['none', ['none']],
    ['a mix of known and unknown', ['EdDSA', 'RS256']],
  ])('error: %s in algorithms is ERR_ALGORITHM_UNSUPPORTED', (_name, algorithms) => {
    expect(() => createMemoryKeyStore({ algorithms: algorithms as never })).toThrow(
      expect.objectContaining({ code: 'ERR_ALGORITHM_UNSUPPORTED' }),
    )
  })

  it('error: an empty algorithms list is ERR_INVALID_ARGUMENT', () => {
    expect(() => createMemoryKeyStore({ algorithms: [] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('behavior: importKey keeps only the canonical members of the JWK', async () => {
    const store = createMemoryKeyStore()
    const { privateJwk } = await generateKeyPair({ alg: 'ES256' })
    const info = await store.importKey({
      privateJwk: { ...privateJwk, kid: 'k1', use: 'sig', alg: 'ES256', key_ops: ['sign'] },
    })
    expect(Object.keys(info.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y'])
    expect(Object.keys(await store.exportPrivateKey(info.id)).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y'])
  })

  it('error: a private JWK whose alg member contradicts its curve is ERR_JWK_INVALID', async () => {
    const store = createMemoryKeyStore()
    const { privateJwk } = await generateKeyPair({ alg: 'EdDSA' })
    await expect(store.importKey({ privateJwk: { ...privateJwk, alg: 'ES256' } })).rejects.toMatchObject({
      code: 'ERR_JWK_INVALID',
    })
  })

  it.each([
    ['an empty id', ''],
    ['a number', 7],
    ['an over-long id', 'k'.repeat(1025)],
  ])('error: %s as key id is ERR_INVALID_ARGUMENT', async (_name, id) => {
    const store = createMemoryKeyStore()
    await expect(store.createKey({ alg: 'EdDSA', id: id as never })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(store.getKey(id as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })

  it('behavior: two stores never share keys', async () => {
    const first = createMemoryKeyStore()
    const second = createMemoryKeyStore()
    const info = await first.createKey({ alg: 'EdDSA' })
    expect(await second.getKey(info.id)).toBeUndefined()
  })
})
