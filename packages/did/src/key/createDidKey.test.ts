import { createMemoryKeyStore, signJws, verifyJws } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { createResolver } from '../createResolver.js'
import { createDidJwk } from '../jwk/createDidJwk.js'
import { resolveVerificationKey } from '../resolveVerificationKey.js'
import { createDidKey } from './createDidKey.js'

const resolver = createResolver()

describe('createDidKey and createDidJwk', () => {
  for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
    for (const [name, create] of [
      ['did:key', createDidKey],
      ['did:jwk', createDidJwk],
    ] as const) {
      it(`behavior: a ${name} ${alg} identity signs what its resolved key verifies`, async () => {
        const identity = await create({ keyStore: createMemoryKeyStore(), alg })
        expect(identity.did.startsWith(`${name}:`)).toBe(true)
        expect(identity.kid.startsWith(`${identity.did}#`)).toBe(true)
        const token = await signJws({ payload: { hello: 'city' }, signer: identity.signer })
        for (const relationship of ['assertionMethod', 'authentication'] as const) {
          const { publicJwk } = await resolveVerificationKey({
            resolver,
            kid: identity.kid,
            did: identity.did,
            relationship,
          })
          await expect(verifyJws(token, { publicJwk })).resolves.toMatchObject({ payload: { hello: 'city' } })
        }
      })
    }
  }

  it('behavior: an existing key is reused by keyId', async () => {
    const keyStore = createMemoryKeyStore()
    const { id } = await keyStore.createKey({ alg: 'ES256' })
    const first = await createDidKey({ keyStore, keyId: id })
    const second = await createDidKey({ keyStore, keyId: id })
    expect(second.did).toBe(first.did)
  })

  it('error: an unknown keyId is ERR_KEY_NOT_FOUND', async () => {
    await expect(createDidKey({ keyStore: createMemoryKeyStore(), keyId: 'missing' })).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
  })
})
