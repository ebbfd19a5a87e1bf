import { generateKeyPair, type KeyStore } from '@civitas/crypto'
import { expect, it } from 'vitest'
import { expectSignsFor } from './keyStoreConformanceAlgorithms.js'

/** Cases about the life of keys: listing, deleting, exporting, copies and concurrent changes. */
export function defineKeyStoreLifecycleCases(getStore: () => KeyStore, exportable: boolean): void {
  it('behavior: getKey of an unknown id is undefined', async () => {
    expect(await getStore().getKey('no-such-key')).toBeUndefined()
  })

  it('behavior: listKeys returns every key in creation order, as getKey reports it', async () => {
    const store = getStore()
    const created = []
    for (const [index, id] of ['k-3', 'k-1', 'k-2'].entries()) {
      const alg = store.algorithms[index % store.algorithms.length] ?? 'EdDSA'
      created.push(await store.createKey({ alg, id }))
    }
    const listed = await store.listKeys()
    expect(listed.map((info) => info.id)).toEqual(['k-3', 'k-1', 'k-2'])
    expect(listed).toEqual(created)
    for (const info of listed) expect(await store.getKey(info.id)).toEqual(info)
  })

  it('behavior: deleteKey removes exactly that key, returns true once, then false', async () => {
    const store = getStore()
    const alg = store.algorithms[0] ?? 'EdDSA'
    const keep = await store.createKey({ alg, id: 'keep' })
    const gone = await store.createKey({ alg, id: 'gone' })
    expect(await store.deleteKey(gone.id)).toBe(true)
    expect(await store.deleteKey(gone.id)).toBe(false)
    expect(await store.getKey(gone.id)).toBeUndefined()
    expect(await store.listKeys()).toEqual([keep])
    await expect(store.sign(gone.id, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_FOUND',
    })
    await expect(store.exportPrivateKey(gone.id)).rejects.toMatchObject({ code: 'ERR_KEY_NOT_FOUND' })
    await expectSignsFor(store, keep)
  })

  it('behavior: a deleted id can be used again, and deleteKey of an unknown id is false', async () => {
    const store = getStore()
    const alg = store.algorithms[0] ?? 'EdDSA'
    expect(await store.deleteKey('never-there')).toBe(false)
    const first = await store.createKey({ alg, id: 'reused' })
    await store.deleteKey('reused')
    const second = await store.createKey({ alg, id: 'reused' })
    expect(second.publicJwk).not.toEqual(first.publicJwk)
    await expectSignsFor(store, second)
  })

  if (!exportable) {
    it('behavior: exportPrivateKey is ERR_KEY_NOT_EXPORTABLE for every key, which stays and signs', async () => {
      const store = getStore()
      for (const alg of store.algorithms) {
        const info = await store.createKey({ alg })
        await expect(store.exportPrivateKey(info.id)).rejects.toMatchObject({
          code: 'ERR_KEY_NOT_EXPORTABLE',
        })
        expect(await store.getKey(info.id)).toEqual(info)
        await expectSignsFor(store, info)
      }
    })
  }

  it.runIf(exportable)(
    'behavior: an exported key, deleted and imported again, gets the same id and public key',
    async () => {
      const store = getStore()
      for (const alg of store.algorithms) {
        const info = await store.createKey({ alg })
        const exported = await store.exportPrivateKey(info.id)
        expect(typeof exported.d).toBe('string')
        expect(await store.deleteKey(info.id)).toBe(true)
        expect(await store.importKey({ privateJwk: exported })).toEqual(info)
        await expectSignsFor(store, info)
      }
    },
  )

  it('behavior: private material never appears in createKey, importKey, getKey or listKeys results', async () => {
    const store = getStore()
    const known: string[] = []
    const returned: unknown[] = []
    for (const alg of store.algorithms) {
      returned.push(await store.createKey({ alg }))
      const { privateJwk } = await generateKeyPair({ alg })
      known.push(privateJwk.d)
      returned.push(await store.importKey({ privateJwk }))
    }
    const listed = await store.listKeys()
    const reported = JSON.stringify([
      returned,
      listed,
      await Promise.all(listed.map((info) => store.getKey(info.id))),
    ])
    for (const info of listed) {
      if (exportable) known.push((await store.exportPrivateKey(info.id)).d)
      expect(info.publicJwk).not.toHaveProperty('d')
    }
    for (const d of known) expect(reported).not.toContain(d)
  })

  it('behavior: callers get copies; changing a result or an imported JWK never changes the store', async () => {
    const store = getStore()
    const alg = store.algorithms[0] ?? 'EdDSA'
    const info = await store.createKey({ alg, id: 'copied' })
    const snapshot = structuredClone(info)
    const mutable = (await store.getKey('copied')) as { publicJwk: { x: string } }
    mutable.publicJwk.x = 'changed'
    const listed = (await store.listKeys()) as Array<{ publicJwk: { x: string } }>
    for (const entry of listed) entry.publicJwk.x = 'changed'
    ;(info as { publicJwk: { x: string } }).publicJwk.x = 'changed'
    expect(await store.getKey('copied')).toEqual(snapshot)
    if (!exportable) return
    const exported = await store.exportPrivateKey('copied')
    const original = { ...exported }
    exported.d = 'changed'
    expect(await store.getKey('copied')).toEqual(snapshot)
    expect(await store.exportPrivateKey('copied')).toEqual(original)
    const input = { ...original }
    const imported = await store.importKey({ privateJwk: input, id: 'imported-copy' })
    input.d = 'changed'
    input.x = 'changed'
    expect(await store.exportPrivateKey('imported-copy')).toEqual(original)
    await expectSignsFor(store, imported)
  })

  it('behavior: concurrent createKey calls are all kept, each with its own key', async () => {
    const store = getStore()
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        store.createKey({ alg: store.algorithms[index % store.algorithms.length] ?? 'EdDSA' }),
      ),
    )
    expect(new Set(created.map((info) => info.id)).size).toBe(8)
    const listed = await store.listKeys()
    expect(listed).toHaveLength(8)
    for (const info of created) expect(listed).toContainEqual(info)
  })

  it('behavior: of concurrent createKey calls with one id, exactly one wins and the rest get ERR_KEY_EXISTS', async () => {
    const store = getStore()
    const alg = store.algorithms[0] ?? 'EdDSA'
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.createKey({ alg, id: 'contested' })),
    )
    const won = results.filter((result) => result.status === 'fulfilled')
    expect(won).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'ERR_KEY_EXISTS' })
    }
    const [winner] = won as PromiseFulfilledResult<Awaited<ReturnType<KeyStore['createKey']>>>[]
    expect(await store.listKeys()).toEqual([winner?.value])
  })
}
