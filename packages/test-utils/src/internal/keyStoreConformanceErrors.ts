import { encodeBase64url, type SignatureAlgorithm } from '@civitas/core'
import { generateKeyPair, type KeyStore } from '@civitas/crypto'
import { expect, it } from 'vitest'
import { expectSignsFor } from './keyStoreConformanceAlgorithms.js'

const random = (length: number): string => encodeBase64url(crypto.getRandomValues(new Uint8Array(length)))

/** Malformed or inconsistent private JWKs built from a valid one: each must be ERR_JWK_INVALID. */
async function invalidJwks(alg: SignatureAlgorithm): Promise<Array<[string, unknown]>> {
  const { privateJwk } = await generateKeyPair({ alg })
  const other = await generateKeyPair({ alg })
  const { d: _d, ...publicOnly } = privateJwk
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'not a jwk'],
    ['an array', [privateJwk]],
    ['an empty object', {}],
    ['a public key only', publicOnly],
    ['a 31-byte d', { ...privateJwk, d: random(31) }],
    ['a 33-byte d', { ...privateJwk, d: random(33) }],
    ['d in padded base64', { ...privateJwk, d: `${privateJwk.d}=` }],
    ['d with foreign characters', { ...privateJwk, d: `${privateJwk.d.slice(0, -1)}+` }],
    ['d as a number', { ...privateJwk, d: 12345 }],
    ['d of another key', { ...privateJwk, d: other.privateJwk.d }],
    ['x of another key', { ...privateJwk, x: other.privateJwk.x }],
    ['a short x', { ...privateJwk, x: random(31) }],
    ['no kty', { ...privateJwk, kty: undefined }],
    ['the wrong kty for its curve', { ...privateJwk, kty: privateJwk.kty === 'OKP' ? 'EC' : 'OKP' }],
  ]
  if (privateJwk.kty === 'EC') {
    const { y: _y, ...noY } = privateJwk
    cases.push(
      ['an EC key without y', noY],
      ['a y of another key', { ...privateJwk, y: other.privateJwk.kty === 'EC' ? other.privateJwk.y : '' }],
    )
    cases.push(['a zero scalar', { ...privateJwk, d: encodeBase64url(new Uint8Array(32)) }])
  }
  return cases
}

/** Well-formed keys of types no Civitas store signs with: each must be ERR_ALGORITHM_UNSUPPORTED. */
const UNSUPPORTED_KEYS: Array<[string, unknown]> = [
  ['an RSA key', { kty: 'RSA', n: random(256), e: 'AQAB', d: random(256) }],
  ['a symmetric key', { kty: 'oct', k: random(32) }],
  ['a P-384 key', { kty: 'EC', crv: 'P-384', x: random(48), y: random(48), d: random(48) }],
  ['an X25519 key', { kty: 'OKP', crv: 'X25519', x: random(32), d: random(32) }],
  ['an Ed448 key', { kty: 'OKP', crv: 'Ed448', x: random(57), d: random(57) }],
]

const UNSUPPORTED_ALGORITHMS: unknown[] = [
  'none',
  'None',
  'HS256',
  'RS256',
  'ES384',
  'eddsa',
  'Ed25519',
  '',
  undefined,
  7,
]

/** Cases for every error code a key store raises. */
export function defineKeyStoreErrorCases(getStore: () => KeyStore): void {
  it('error: createKey with an unknown algorithm is ERR_ALGORITHM_UNSUPPORTED', async () => {
    const store = getStore()
    for (const alg of UNSUPPORTED_ALGORITHMS) {
      await expect(store.createKey({ alg } as never)).rejects.toMatchObject({
        code: 'ERR_ALGORITHM_UNSUPPORTED',
      })
    }
    expect(await store.listKeys()).toEqual([])
  })

  it('error: createKey with a taken id is ERR_KEY_EXISTS and the existing key is kept', async () => {
    const store = getStore()
    const alg = store.algorithms[0] ?? 'EdDSA'
    const original = await store.createKey({ alg, id: 'taken' })
    for (const other of store.algorithms) {
      await expect(store.createKey({ alg: other, id: 'taken' })).rejects.toMatchObject({
        code: 'ERR_KEY_EXISTS',
      })
    }
    const { privateJwk } = await generateKeyPair({ alg })
    await expect(store.importKey({ privateJwk, id: 'taken' })).rejects.toMatchObject({
      code: 'ERR_KEY_EXISTS',
    })
    expect(await store.listKeys()).toEqual([original])
    await expectSignsFor(store, original)
  })

  it('error: importing the same key twice is ERR_KEY_EXISTS (same thumbprint id)', async () => {
    const store = getStore()
    const { privateJwk } = await generateKeyPair({ alg: store.algorithms[0] ?? 'EdDSA' })
    const info = await store.importKey({ privateJwk })
    await expect(store.importKey({ privateJwk })).rejects.toMatchObject({ code: 'ERR_KEY_EXISTS' })
    expect(await store.listKeys()).toEqual([info])
  })

  it('error: sign and exportPrivateKey of an unknown id are ERR_KEY_NOT_FOUND', async () => {
    const store = getStore()
    await expect(store.sign('no-such-key', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
    await expect(store.exportPrivateKey('no-such-key')).rejects.toMatchObject({ code: 'ERR_KEY_NOT_FOUND' })
  })

  it('error: sign with data that is not a Uint8Array is ERR_INVALID_ARGUMENT', async () => {
    const store = getStore()
    const info = await store.createKey({ alg: store.algorithms[0] ?? 'EdDSA' })
    for (const data of ['text', [1, 2], null, undefined, 42]) {
      await expect(store.sign(info.id, data as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
  })

  it('error: importing a malformed or inconsistent private JWK is ERR_JWK_INVALID', async () => {
    const store = getStore()
    for (const alg of store.algorithms) {
      for (const [name, privateJwk] of await invalidJwks(alg)) {
        await expect(store.importKey({ privateJwk } as never), `${alg}: ${name}`).rejects.toMatchObject({
          code: 'ERR_JWK_INVALID',
        })
      }
    }
    expect(await store.listKeys()).toEqual([])
  })

  it('error: importing a key of an unsupported type is ERR_ALGORITHM_UNSUPPORTED', async () => {
    const store = getStore()
    for (const [name, privateJwk] of UNSUPPORTED_KEYS) {
      await expect(store.importKey({ privateJwk } as never), name).rejects.toMatchObject({
        code: 'ERR_ALGORITHM_UNSUPPORTED',
      })
    }
    expect(await store.listKeys()).toEqual([])
  })
}
