import { decodeBase64url, type SignatureAlgorithm } from '@civitas/core'
import { type KeyStore, verifySignature } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { describeKeyStoreConformance } from '@civitas/test-utils'
import { createAgent, type IDIDManager, type IKeyManager } from '@veramo/core'
import { DIDManager, MemoryDIDStore } from '@veramo/did-manager'
import { KeyDIDProvider } from '@veramo/did-provider-key'
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
import { KeyManagementSystem } from '@veramo/kms-local'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_KEYS } from '../../../test/support/smallOrderEd25519.js'
import { createVeramoKeyStore } from './createVeramoKeyStore.js'
import { bytesToHex } from './internal/veramoKeys.js'

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const MESSAGE = new TextEncoder().encode('Tartu City Library')

/** How a test KMS rewrites kms-local's base64url signatures, the way other KMSs answer. */
type Answer = 'base64url' | '0x-hex' | 'bare-hex' | 'high-s' | 'recoverable' | 'short' | 'fails'

/** kms-local, answering signatures in another encoding (hardware and cloud KMSs use hex, high S, or 65 bytes). */
class ReencodingKms extends KeyManagementSystem {
  answer: Answer = 'base64url'
  /** The group order of the curve the 'high-s' answer is computed on. */
  order = SECP256K1_N
  override async sign(args: Parameters<KeyManagementSystem['sign']>[0]): Promise<string> {
    if (this.answer === 'fails') throw new Error('device_unavailable: the token is not plugged in')
    const signature = decodeBase64url(await super.sign(args))
    switch (this.answer) {
      case '0x-hex':
        return `0x${bytesToHex(signature)}`
      case 'bare-hex':
        return bytesToHex(signature)
      case 'recoverable':
        return `0x${bytesToHex(signature)}1b`
      case 'short':
        return bytesToHex(signature.subarray(0, 40))
      case 'high-s': {
        const s = BigInt(`0x${bytesToHex(signature.subarray(32))}`)
        const high = s > this.order / 2n ? s : this.order - s
        return `0x${bytesToHex(signature.subarray(0, 32))}${high.toString(16).padStart(64, '0')}`
      }
      default:
        return Buffer.from(signature).toString('base64url')
    }
  }
}

function veramo(schemaValidation = false) {
  const store = new MemoryKeyStore()
  const privateKeyStore = new MemoryPrivateKeyStore()
  const kms = new ReencodingKms(privateKeyStore)
  const agent = createAgent<IKeyManager & IDIDManager>({
    schemaValidation,
    plugins: [
      new KeyManager({ store, kms: { local: kms } }),
      new DIDManager({
        store: new MemoryDIDStore(),
        defaultProvider: 'did:key',
        providers: { 'did:key': new KeyDIDProvider({ defaultKms: 'local' }) },
      }),
    ],
  })
  return { agent, store, privateKeyStore, kms }
}

describeKeyStoreConformance('Veramo key manager with the local KMS', () => {
  const { agent, store, privateKeyStore } = veramo()
  return createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
})

describeKeyStoreConformance('Veramo key manager checking every call against its schema', () => {
  const { agent, store, privateKeyStore } = veramo(true)
  return createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
})

describeKeyStoreConformance('Veramo key manager offering EdDSA and ES256K only', () => {
  const { agent, store, privateKeyStore } = veramo()
  return createVeramoKeyStore({
    agent,
    kms: 'local',
    store,
    privateKeyStore,
    algorithms: ['ES256K', 'EdDSA'],
  })
})

async function expectVerifies(keyStore: KeyStore, id: string, signature: Uint8Array) {
  const info = await keyStore.getKey(id)
  if (info === undefined) throw new Error(`no key ${id}`)
  expect(signature).toHaveLength(64)
  expect(await verifySignature({ publicJwk: info.publicJwk, alg: info.alg, data: MESSAGE, signature })).toBe(
    true,
  )
}

describe('createVeramoKeyStore', () => {
  for (const [keyType, alg] of [
    ['Ed25519', 'EdDSA'],
    ['Secp256k1', 'ES256K'],
  ] as const) {
    it(`behavior: the ${keyType} key of a did:key made by Veramo's DID manager signs as ${alg}, and Civitas derives the same DID`, async () => {
      const { agent, store } = veramo()
      const identifier = await agent.didManagerCreate({ provider: 'did:key', options: { keyType } })
      const [key] = identifier.keys
      const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
      const info = await keyStore.getKey(key?.kid as string)
      expect(info).toMatchObject({ id: key?.kid, alg })
      await expectVerifies(keyStore, key?.kid as string, await keyStore.sign(key?.kid as string, MESSAGE))
      const civitas = await createDidKey({ keyStore, keyId: key?.kid as string })
      expect(civitas.did).toBe(identifier.did)
      expect(await keyStore.listKeys()).toEqual([info])
    })
  }

  it('behavior: X25519 keys of the agent are not signing keys: absent from getKey and listKeys, never deleted', async () => {
    const { agent, store } = veramo()
    const x25519 = await agent.keyManagerCreate({ kms: 'local', type: 'X25519' })
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
    expect(await keyStore.getKey(x25519.kid)).toBeUndefined()
    expect(await keyStore.listKeys()).toEqual([])
    await expect(keyStore.sign(x25519.kid, MESSAGE)).rejects.toMatchObject({ code: 'ERR_KEY_NOT_FOUND' })
    expect(await keyStore.deleteKey(x25519.kid)).toBe(false)
    await expect(agent.keyManagerGet({ kid: x25519.kid })).resolves.toMatchObject({ type: 'X25519' })
    await expect(keyStore.createKey({ alg: 'EdDSA', id: x25519.kid })).rejects.toMatchObject({
      code: 'ERR_KEY_EXISTS',
    })
  })

  it('behavior: a store offering fewer algorithms does not see the agent keys of the others', async () => {
    const { agent, store } = veramo()
    const secp = await agent.keyManagerCreate({ kms: 'local', type: 'Secp256k1' })
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store, algorithms: ['EdDSA'] })
    expect(keyStore.algorithms).toEqual(['EdDSA'])
    expect(await keyStore.getKey(secp.kid)).toBeUndefined()
    await expect(keyStore.createKey({ alg: 'ES256K' })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_UNSUPPORTED',
    })
  })

  for (const answer of ['0x-hex', 'bare-hex', 'recoverable'] as const) {
    for (const alg of ['EdDSA', 'ES256', 'ES256K'] as SignatureAlgorithm[]) {
      if (answer === 'recoverable' && alg === 'EdDSA') continue
      it(`behavior: a KMS answering ${alg} signatures as ${answer} gives 64-byte JOSE signatures`, async () => {
        const { agent, store, kms } = veramo()
        const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
        const { id } = await keyStore.createKey({ alg })
        kms.answer = answer
        await expectVerifies(keyStore, id, await keyStore.sign(id, MESSAGE))
      })
    }
  }

  it.each([
    ['ES256', P256_N],
    ['ES256K', SECP256K1_N],
  ] as const)(
    'property: %s signatures come out low-S, as Civitas signs, even when the KMS answers high-S',
    async (alg, order) => {
      const { agent, store, kms } = veramo()
      const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
      const { id } = await keyStore.createKey({ alg })
      kms.answer = 'high-s'
      kms.order = order
      for (let round = 0; round < 8; round += 1) {
        const signature = await keyStore.sign(id, MESSAGE)
        await expectVerifies(keyStore, id, signature)
        expect(BigInt(`0x${bytesToHex(signature.subarray(32))}`) <= order / 2n).toBe(true)
      }
    },
  )

  it('error: a KMS that fails or answers no signature is ERR_KEY_STORE_IO', async () => {
    const { agent, store, kms } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
    const { id } = await keyStore.createKey({ alg: 'ES256' })
    for (const answer of ['fails', 'short'] as const) {
      kms.answer = answer
      await expect(keyStore.sign(id, MESSAGE), answer).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
    }
  })

  it('error: exportPrivateKey without the private key store is ERR_KEY_NOT_EXPORTABLE; unknown keys stay ERR_KEY_NOT_FOUND', async () => {
    const { agent, store } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store })
    const { id } = await keyStore.createKey({ alg: 'EdDSA' })
    await expect(keyStore.exportPrivateKey(id)).rejects.toMatchObject({ code: 'ERR_KEY_NOT_EXPORTABLE' })
    await expect(keyStore.exportPrivateKey('no-such-key')).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
  })

  it('error: a private key store holding another key than the agent reports is ERR_KEY_STORE_CORRUPT; a bad publicKeyHex ERR_KEY_INVALID', async () => {
    const { agent, store, privateKeyStore } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
    const first = await keyStore.createKey({ alg: 'ES256K', id: 'first' })
    await keyStore.createKey({ alg: 'ES256K', id: 'second' })
    const replace = async (privateKeyHex: string) => {
      await privateKeyStore.deleteKey({ alias: 'first' })
      await privateKeyStore.importKey({ alias: 'first', type: 'Secp256k1', privateKeyHex })
    }
    await replace((await privateKeyStore.getKey({ alias: 'second' })).privateKeyHex)
    await expect(keyStore.exportPrivateKey(first.id)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
    await replace('c0ffee')
    await expect(keyStore.exportPrivateKey(first.id)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
    const second = await store.getKey({ kid: 'second' })
    await store.importKey({ ...second, publicKeyHex: 'not hex' })
    await expect(keyStore.getKey('second')).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' })
  })

  // Every encoding of an Ed25519 point of small order (table and source: test/support/smallOrderEd25519.ts).
  it('error: an Ed25519 key whose publicKeyHex is a point of small order is ERR_KEY_INVALID', async () => {
    const { agent, store, privateKeyStore } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
    await keyStore.createKey({ alg: 'EdDSA', id: 'ed' })
    const stored = await store.getKey({ kid: 'ed' })
    for (const { hex } of SMALL_ORDER_KEYS) {
      await store.deleteKey({ kid: 'ed' })
      await store.importKey({ ...stored, publicKeyHex: hex })
      await expect(keyStore.getKey('ed'), hex).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' })
    }
  })

  it('error: listKeys without the key metadata store is ERR_INVALID_ARGUMENT; the rest works', async () => {
    const { agent } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'local' })
    await expect(keyStore.listKeys()).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    const { id } = await keyStore.createKey({ alg: 'ES256K', id: 'kept' })
    await expectVerifies(keyStore, id, await keyStore.sign(id, MESSAGE))
  })

  it('error: a missing agent, an agent without the key manager or a missing kms is ERR_INVALID_ARGUMENT', () => {
    const { agent } = veramo()
    for (const options of [undefined, {}, { agent: {}, kms: 'local' }, { agent }, { agent, kms: '' }]) {
      expect(() => createVeramoKeyStore(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
    expect(() => createVeramoKeyStore({ agent, kms: 'local', algorithms: ['ES384' as never] })).toThrow(
      expect.objectContaining({ code: 'ERR_ALGORITHM_UNSUPPORTED' }),
    )
  })

  it('error: createKey with an id for a KMS that is not there is ERR_KEY_STORE_IO, and nothing is kept', async () => {
    const { agent, store } = veramo()
    const keyStore = createVeramoKeyStore({ agent, kms: 'hsm', store })
    await expect(keyStore.createKey({ alg: 'EdDSA', id: 'k-1' })).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_IO',
    })
    await expect(keyStore.createKey({ alg: 'EdDSA' })).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
    expect(await keyStore.listKeys()).toEqual([])
  })
})
