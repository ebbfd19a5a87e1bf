import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeKeyStoreConformance } from '@civitas/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import type { KeyStore } from '../types.js'
import { verifySignature } from '../verifySignature.js'
import { createFileKeyStore, type FileKeyStore } from './createFileKeyStore.js'

// The floor of the KDF parameters: cheap enough for tests, never for real stores.
const kdf = { N: 2 ** 10, r: 8, p: 1 }
const passphrase = 'correct horse battery staple'

const root = await mkdtemp(join(tmpdir(), 'civitas-file-key-store-'))
async function freshPath(): Promise<string> {
  const directory = await mkdtemp(join(root, 'store-'))
  return join(directory, 'keys.civitas')
}
const freshStore = async (): Promise<FileKeyStore> =>
  createFileKeyStore({ path: await freshPath(), passphrase, kdf })

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describeKeyStoreConformance('file key store', freshStore, {
  dispose: (store) => (store as FileKeyStore).close(),
})

describe('createFileKeyStore', () => {
  it('behavior: keys survive closing and reopening, and still sign for the same public keys', async () => {
    const store = await freshStore()
    const created = [
      await store.createKey({ alg: 'EdDSA' }),
      await store.createKey({ alg: 'ES256', id: 'p256' }),
    ]
    created.push(await store.createKey({ alg: 'ES256K' }))
    const exported = await Promise.all(created.map((info) => store.exportPrivateKey(info.id)))
    await store.close()
    const reopened = await createFileKeyStore({ path: store.path, passphrase, kdf })
    expect(await reopened.listKeys()).toEqual(created)
    expect(await Promise.all(created.map((info) => reopened.exportPrivateKey(info.id)))).toEqual(exported)
    const data = new TextEncoder().encode('after reopening')
    for (const info of created) {
      const signature = await reopened.sign(info.id, data)
      expect(await verifySignature({ publicJwk: info.publicJwk, alg: info.alg, data, signature })).toBe(true)
    }
    await reopened.close()
  })

  it('behavior: the file is created with mode 0600 and holds no key material in the clear', async () => {
    const store = await freshStore()
    const info = await store.createKey({ alg: 'EdDSA' })
    const { d } = await store.exportPrivateKey(info.id)
    await store.close()
    if (process.platform !== 'win32') expect((await stat(store.path)).mode & 0o777).toBe(0o600)
    const text = await readFile(store.path, 'utf8')
    expect(text).not.toContain(d)
    expect(text).not.toContain(info.publicJwk.x)
    expect(text).not.toContain(info.id)
  })

  it('behavior: the header records the KDF parameters and salt, and writes after open reuse them', async () => {
    const store = await freshStore()
    const header = async () => JSON.parse((await readFile(store.path, 'utf8')).split('\n')[0] ?? '')
    const first = await header()
    expect(first).toMatchObject({ format: 'civitas-key-store', version: 1, kdf: { name: 'scrypt', ...kdf } })
    expect(first.aead.name).toBe('xchacha20-poly1305')
    await store.createKey({ alg: 'EdDSA' })
    const second = await header()
    expect(second.kdf.salt).toBe(first.kdf.salt)
    expect(second.aead.nonce).not.toBe(first.aead.nonce)
    await store.close()
  })

  it('behavior: stronger KDF parameters given at open re-encrypt the file; weaker ones never lower it', async () => {
    const store = await freshStore()
    const info = await store.createKey({ alg: 'ES256' })
    await store.close()
    const stronger = { N: 2 ** 11, r: 8, p: 1 }
    const raised = await createFileKeyStore({ path: store.path, passphrase, kdf: stronger })
    expect(await raised.listKeys()).toEqual([info])
    await raised.close()
    const header = () => readFile(store.path, 'utf8').then((text) => JSON.parse(text.split('\n')[0] ?? ''))
    expect((await header()).kdf).toMatchObject(stronger)
    const again = await createFileKeyStore({ path: store.path, passphrase, kdf })
    expect(await again.listKeys()).toEqual([info])
    await again.close()
    expect((await header()).kdf).toMatchObject(stronger)
  })

  it('behavior: a passphrase may be bytes, and strings are compared after NFC normalisation', async () => {
    const path = await freshPath()
    const composed = await createFileKeyStore({ path, passphrase: 'caf\u00e9', kdf })
    const info = await composed.createKey({ alg: 'EdDSA' })
    await composed.close()
    const decomposed = await createFileKeyStore({ path, passphrase: 'cafe\u0301', kdf })
    expect(await decomposed.listKeys()).toEqual([info])
    await decomposed.close()
    const bytes = await createFileKeyStore({ path, passphrase: new TextEncoder().encode('caf\u00e9'), kdf })
    expect(await bytes.listKeys()).toEqual([info])
    await bytes.close()
  })

  it('behavior: close releases the lock; later calls are ERR_KEY_STORE_IO; closing twice is harmless', async () => {
    const store = await freshStore()
    await store.close()
    await store.close()
    expect(await readdir(join(store.path, '..'))).toEqual(['keys.civitas'])
    const calls: Array<(s: KeyStore) => Promise<unknown>> = [
      (s) => s.createKey({ alg: 'EdDSA' }),
      (s) => s.listKeys(),
      (s) => s.getKey('k'),
      (s) => s.sign('k', new Uint8Array(1)),
      (s) => s.deleteKey('k'),
      (s) => s.exportPrivateKey('k'),
    ]
    for (const call of calls) await expect(call(store)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
  })

  it.each([
    ['an empty passphrase', { passphrase: '' }],
    ['a passphrase of the wrong type', { passphrase: 42 }],
    ['an empty path', { path: '' }],
    ['N below the floor', { kdf: { N: 2 ** 9, r: 8, p: 1 } }],
    ['r below the floor', { kdf: { N: 2 ** 14, r: 1, p: 1 } }],
    ['N not a power of two', { kdf: { N: 3000, r: 8, p: 1 } }],
    ['N above the ceiling', { kdf: { N: 2 ** 21, r: 8, p: 1 } }],
  ])('error: %s is ERR_INVALID_ARGUMENT', async (_name, override) => {
    const options = { path: join(root, 'invalid-options.civitas'), passphrase, kdf, ...override }
    await expect(createFileKeyStore(options as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })

  it('error: a path in a missing directory is ERR_KEY_STORE_IO', async () => {
    const path = join(root, 'no-such-directory', 'keys.civitas')
    await expect(createFileKeyStore({ path, passphrase, kdf })).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_IO',
    })
  })

  it('error: a path that is a directory is ERR_KEY_STORE_IO', async () => {
    const store = await freshStore()
    await store.close()
    await rm(store.path)
    await mkdir(store.path)
    await expect(createFileKeyStore({ path: store.path, passphrase, kdf })).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_IO',
    })
    await writeFile(join(store.path, 'inside'), 'kept')
    expect(await readFile(join(store.path, 'inside'), 'utf8')).toBe('kept')
  })
})
