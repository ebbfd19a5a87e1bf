import { createMemoryKeyStore, ed25519ToX25519PublicJwk, generateKeyPair } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { findVerificationMethod } from '../findVerificationMethod.js'
import { publicJwkFromVerificationMethod } from '../publicJwkFromVerificationMethod.js'
import { createDidWebDocument } from './createDidWebDocument.js'

const did = 'did:web:city.example'

describe('createDidWebDocument', () => {
  it('behavior: each key becomes a method under its relationships, in both key formats', async () => {
    const keyStore = createMemoryKeyStore()
    const seal = await keyStore.createKey({ alg: 'ES256' })
    const login = await keyStore.createKey({ alg: 'EdDSA' })
    for (const type of ['Multikey', 'JsonWebKey2020'] as const) {
      const document = createDidWebDocument({
        did,
        type,
        keys: [
          { publicJwk: seal.publicJwk, fragment: 'seal' },
          { publicJwk: login.publicJwk, fragment: 'login', relationships: ['authentication'] },
        ],
      })
      expect(document.id).toBe(did)
      expect(document.assertionMethod).toEqual([`${did}#seal`])
      expect(document.authentication).toEqual([`${did}#seal`, `${did}#login`])
      const method = findVerificationMethod(document, `${did}#login`, 'authentication')
      expect(method.type).toBe(type)
      expect(await publicJwkFromVerificationMethod(method)).toEqual(login.publicJwk)
    }
  })

  it('behavior: a key store KeyInfo is a key; the default fragment is its multikey', async () => {
    const key = await createMemoryKeyStore().createKey({ alg: 'EdDSA' })
    const document = createDidWebDocument({ did, keys: [key] })
    expect(document.verificationMethod?.[0]?.id).toMatch(/^did:web:city\.example#z6Mk/)
    expect(document.keyAgreement).toBeUndefined()
  })

  it('behavior: an X25519 key defaults to keyAgreement', async () => {
    const publicJwk = ed25519ToX25519PublicJwk((await generateKeyPair({ alg: 'EdDSA' })).publicJwk)
    const document = createDidWebDocument({ did, keys: [{ publicJwk, fragment: 'agree' }] })
    expect(document.keyAgreement).toEqual([`${did}#agree`])
    expect(document.assertionMethod).toBeUndefined()
  })

  it('error: hostile options', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'EdDSA' })
    const cases: [string, unknown, string][] = [
      ['not a did:web', { did: 'did:key:z6Mk', keys: [{ publicJwk }] }, 'ERR_DID_INVALID'],
      ['no keys', { did, keys: [] }, 'ERR_INVALID_ARGUMENT'],
      ['too many keys', { did, keys: Array(65).fill({ publicJwk }) }, 'ERR_INVALID_ARGUMENT'],
      ['a private key', { did, keys: [{ publicJwk: privateJwk }] }, 'ERR_JWK_PRIVATE_MATERIAL'],
      ['a fragment with a slash', { did, keys: [{ publicJwk, fragment: 'a/b' }] }, 'ERR_INVALID_ARGUMENT'],
      ['a repeated fragment', { did, keys: [{ publicJwk }, { publicJwk }] }, 'ERR_INVALID_ARGUMENT'],
      [
        'an unknown relationship',
        { did, keys: [{ publicJwk, relationships: ['everything'] }] },
        'ERR_INVALID_ARGUMENT',
      ],
      [
        'an Ed25519 key agreeing keys',
        { did, keys: [{ publicJwk, relationships: ['keyAgreement'] }] },
        'ERR_INVALID_ARGUMENT',
      ],
      ['an unknown type', { did, keys: [{ publicJwk }], type: 'RsaKey' }, 'ERR_INVALID_ARGUMENT'],
    ]
    for (const [name, options, code] of cases) {
      expect(() => createDidWebDocument(options as never), name).toThrow(expect.objectContaining({ code }))
    }
  })
})
