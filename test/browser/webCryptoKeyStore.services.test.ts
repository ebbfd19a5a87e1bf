import { type KeyStore, verifySignature } from '@civitas/crypto'
import { describeKeyStoreConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import { openBrowserKeyStore, startBrowserHarness, useBrowserHarness } from '../support/browserHarness.js'

// createWebCryptoKeyStore in real headless Chromium: non-extractable CryptoKeys in the page's IndexedDB.
const browser = useBrowserHarness()
let databases = 0

async function freshStore(
  algorithms?: readonly string[],
): Promise<KeyStore & { handle: string; databaseName: string }> {
  const databaseName = `keys-${++databases}`
  const store = await openBrowserKeyStore(browser(), { databaseName, ...(algorithms ? { algorithms } : {}) })
  return Object.assign(store, { databaseName })
}

async function dispose(store: KeyStore): Promise<void> {
  const { handle, databaseName } = store as KeyStore & { handle: string; databaseName: string }
  await browser().call('close', handle)
  await browser().call('deleteDatabase', databaseName)
}

describeKeyStoreConformance('WebCrypto key store in Chromium', () => freshStore(), {
  dispose,
  exportable: false,
})
describeKeyStoreConformance('WebCrypto key store in Chromium limited to ES256', () => freshStore(['ES256']), {
  dispose,
  exportable: false,
})

describe('createWebCryptoKeyStore in Chromium', () => {
  it('behavior: Chromium has Ed25519 in WebCrypto, so the store offers EdDSA and ES256', async () => {
    const store = await freshStore()
    expect(store.algorithms).toEqual(['EdDSA', 'ES256'])
    await dispose(store)
  })

  it('behavior: stored private keys are non-extractable CryptoKeys and exportKey throws for every format', async () => {
    const store = await freshStore()
    const created = await store.createKey({ alg: 'ES256' })
    const { generateKeyPair } = await import('@civitas/crypto')
    const imported = await store.importKey({
      privateJwk: (await generateKeyPair({ alg: 'EdDSA' })).privateJwk,
    })
    const records = await browser().call<Array<{ id: string; privateKey: unknown }>>(
      'rawRecords',
      store.databaseName,
      'keys',
    )
    expect(records.map((record) => record.privateKey)).toEqual([
      { type: 'private', extractable: false, usages: ['sign'], algorithm: 'ECDSA' },
      { type: 'private', extractable: false, usages: ['sign'], algorithm: 'Ed25519' },
    ])
    for (const record of records)
      expect(Object.keys(record).sort()).toEqual(['alg', 'id', 'privateKey', 'publicJwk'])
    for (const id of [created.id, imported.id]) {
      expect(await browser().call('exportStoredKey', store.databaseName, id)).toEqual([
        'jwk: InvalidAccessError',
        'pkcs8: InvalidAccessError',
        'raw: InvalidAccessError',
      ])
    }
    await dispose(store)
  })

  it('behavior: ES256 signatures are 64-byte R‖S, always low-S, and verify', async () => {
    const store = await freshStore(['ES256'])
    const info = await store.createKey({ alg: 'ES256' })
    const half = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n >> 1n
    // WebCrypto signs high-S about half the time; 24 signatures leave it a 2^-24 chance to hide.
    for (let round = 0; round < 24; round++) {
      const data = new TextEncoder().encode(`message ${round}`)
      const signature = await store.sign(info.id, data)
      const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`)
      expect(s <= half).toBe(true)
      expect(await verifySignature({ publicJwk: info.publicJwk, alg: 'ES256', data, signature })).toBe(true)
    }
    await dispose(store)
  })

  it('behavior: deleteKey removes the record from IndexedDB', async () => {
    const store = await freshStore()
    const keep = await store.createKey({ alg: 'ES256', id: 'keep' })
    await store.createKey({ alg: 'EdDSA', id: 'gone' })
    expect(await store.deleteKey('gone')).toBe(true)
    const records = await browser().call<Array<{ id: string }>>('rawRecords', store.databaseName, 'keys')
    expect(records.map((record) => record.id)).toEqual([keep.id])
    await dispose(store)
  })

  it('behavior: keys persist across a page reload and a browser restart on the same profile', async () => {
    const databaseName = `keys-durable-${++databases}`
    const first = await openBrowserKeyStore(browser(), { databaseName })
    const es256 = await first.createKey({ alg: 'ES256' })
    const eddsa = await first.createKey({ alg: 'EdDSA' })
    await browser().reload()
    const afterReload = await openBrowserKeyStore(browser(), { databaseName })
    expect(await afterReload.listKeys()).toEqual([es256, eddsa])
    await browser().restart()
    const afterRestart = await openBrowserKeyStore(browser(), { databaseName })
    expect(await afterRestart.listKeys()).toEqual([es256, eddsa])
    for (const info of [es256, eddsa]) {
      const data = new TextEncoder().encode('after restart')
      const signature = await afterRestart.sign(info.id, data)
      expect(await verifySignature({ publicJwk: info.publicJwk, alg: info.alg, data, signature })).toBe(true)
      expect(await browser().call('exportStoredKey', databaseName, info.id)).toContain(
        'jwk: InvalidAccessError',
      )
    }
    await browser().call('close', afterRestart.handle)
    await browser().call('deleteDatabase', databaseName)
  })

  it('error: a key deleted in another tab is ERR_KEY_NOT_FOUND here at once, and the other keys stay', async () => {
    const store = await freshStore()
    const info = await store.createKey({ alg: 'ES256' })
    const kept = await store.createKey({ alg: 'EdDSA' })
    const tab = await browser().context.newPage()
    try {
      await tab.goto(browser().origin)
      await tab.waitForFunction(() => document.title === 'ready')
      const deleted = await tab.evaluate(
        async ([databaseName, id]) => {
          const { call } = (
            globalThis as unknown as {
              civitasHarness: { call(n: string, a: unknown): Promise<{ value?: unknown }> }
            }
          ).civitasHarness
          await call('openKeyStore', ['other-tab', { databaseName }])
          return (await call('invoke', ['other-tab', 'deleteKey', [id]])).value
        },
        [store.databaseName, info.id] as const,
      )
      expect(deleted).toBe(true)
    } finally {
      await tab.close()
    }
    await expect(store.sign(info.id, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
    expect(await store.getKey(info.id)).toBeUndefined()
    expect(await store.listKeys()).toEqual([kept])
    await dispose(store)
  })

  it.each([
    ['a private key replaced by a string', 'privateKey', 'not a key'],
    ['a public JWK that is no JWK', 'publicJwk', { kty: 'EC' }],
    ['an unknown algorithm', 'alg', 'ES256K'],
    ['no id', 'id', 42],
  ])('error: a stored record with %s is ERR_KEY_STORE_CORRUPT', async (_name, member, value) => {
    const store = await freshStore()
    const info = await store.createKey({ alg: 'ES256', id: 'damaged' })
    await browser().call('damageRecord', store.databaseName, 'keys', 'damaged', member, value)
    if (member !== 'id') {
      await expect(store.getKey(info.id)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
      await expect(store.sign(info.id, new Uint8Array([1]))).rejects.toMatchObject({
        code: 'ERR_KEY_STORE_CORRUPT',
      })
    }
    await expect(store.listKeys()).rejects.toMatchObject({ code: 'ERR_KEY_STORE_CORRUPT' })
    await dispose(store)
  })

  it('error: a public key stored in place of the private one is ERR_KEY_STORE_CORRUPT', async () => {
    const store = await freshStore()
    await store.createKey({ alg: 'ES256', id: 'swapped' })
    await browser().page.evaluate(async (databaseName) => {
      const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ])) as CryptoKeyPair
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open(databaseName)
        request.onsuccess = () => resolve(request.result)
      })
      await new Promise<void>((resolve) => {
        const store = db.transaction('keys', 'readwrite').objectStore('keys')
        const cursor = store.openCursor()
        cursor.onsuccess = () => {
          const current = cursor.result
          if (current === null) return resolve()
          current.update({ ...current.value, privateKey: pair.publicKey }).onsuccess = () => resolve()
        }
      })
      db.close()
    }, store.databaseName)
    await expect(store.sign('swapped', new Uint8Array([1]))).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_CORRUPT',
    })
    await dispose(store)
  })

  it('error: a key over the storage quota is ERR_KEY_STORE_IO (reason quota), and no part of it is kept', async () => {
    // A browser of its own: Chromium reads an origin's quota when its IndexedDB is first used.
    const small = await startBrowserHarness({ quotaBytes: 1 })
    try {
      const store = await openBrowserKeyStore(small, { databaseName: 'keys-quota' })
      await expect(store.createKey({ alg: 'ES256', id: 'too-much' })).rejects.toMatchObject({
        code: 'ERR_KEY_STORE_IO',
        details: { reason: 'quota' },
      })
      expect(await store.listKeys()).toEqual([])
      expect(await store.getKey('too-much')).toBeUndefined()
    } finally {
      await small.close()
    }
  })

  it('error: without IndexedDB (some private modes) the store is ERR_KEY_STORE_IO, reason unavailable', async () => {
    await browser().call('hideIndexedDb')
    try {
      await expect(openBrowserKeyStore(browser(), { databaseName: 'never' })).rejects.toMatchObject({
        code: 'ERR_KEY_STORE_IO',
        details: { reason: 'unavailable' },
      })
    } finally {
      await browser().reload()
    }
  })

  it('error: EdDSA where WebCrypto has no Ed25519, and ES256K anywhere, are ERR_ALGORITHM_UNSUPPORTED', async () => {
    await expect(freshStore(['ES256K'])).rejects.toMatchObject({ code: 'ERR_ALGORITHM_UNSUPPORTED' })
    // A browser without Ed25519: the page's WebCrypto refuses the algorithm as such browsers do.
    await browser().page.evaluate(() => {
      const generateKey = crypto.subtle.generateKey.bind(crypto.subtle)
      crypto.subtle.generateKey = ((algorithm: AlgorithmIdentifier, ...rest: never[]) => {
        const name = typeof algorithm === 'string' ? algorithm : algorithm.name
        if (name === 'Ed25519')
          return Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'))
        return (generateKey as (...args: unknown[]) => unknown)(algorithm, ...rest)
      }) as typeof crypto.subtle.generateKey
    })
    try {
      await expect(freshStore(['EdDSA'])).rejects.toMatchObject({ code: 'ERR_ALGORITHM_UNSUPPORTED' })
      const fallback = await freshStore()
      expect(fallback.algorithms).toEqual(['ES256'])
      await dispose(fallback)
    } finally {
      await browser().reload()
    }
  })
})
