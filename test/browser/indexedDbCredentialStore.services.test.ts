import { randomBytes } from 'node:crypto'
import { describeCredentialStoreConformance } from '@civitas/test-utils'
import type { CredentialRecord, CredentialStore } from '@civitas/wallet'
import { describe, expect, it } from 'vitest'
import {
  openBrowserCredentialStore,
  startBrowserHarness,
  useBrowserHarness,
} from '../support/browserHarness.js'

// createIndexedDbCredentialStore in real headless Chromium.
const browser = useBrowserHarness()
let databases = 0

type BrowserStore = CredentialStore & { handle: string; databaseName: string }

async function freshStore(databaseName = `credentials-${++databases}`): Promise<BrowserStore> {
  return Object.assign(await openBrowserCredentialStore(browser(), { databaseName }), { databaseName })
}

async function dispose(store: CredentialStore): Promise<void> {
  const { handle, databaseName } = store as BrowserStore
  await browser().call('close', handle)
  await browser().call('deleteDatabase', databaseName)
}

describeCredentialStoreConformance('IndexedDB credential store in Chromium', () => freshStore(), {
  dispose,
  reopen: async (store) => freshStore((store as BrowserStore).databaseName),
})

const record = (id: string, token = `eyJhbGciOiJFZERTQSJ9.${id}.c2ln`): CredentialRecord => ({
  id,
  token,
  format: 'vc+jwt',
  types: ['VerifiableCredential', 'ResidencyCard'],
  issuer: 'did:example:tartu',
  receivedAt: 1_000,
})

describe('createIndexedDbCredentialStore in Chromium', () => {
  it('behavior: records persist across a page reload and a browser restart on the same profile', async () => {
    const databaseName = `credentials-durable-${++databases}`
    const first = await freshStore(databaseName)
    await first.put(record('urn:a'))
    await first.put(record('urn:b'))
    await browser().reload()
    expect((await (await freshStore(databaseName)).list()).map((entry) => entry.id)).toEqual([
      'urn:a',
      'urn:b',
    ])
    await browser().restart()
    const reopened = await freshStore(databaseName)
    expect(await reopened.get('urn:b')).toEqual(record('urn:b'))
    await dispose(reopened)
  })

  it('error: a write over the storage quota is ERR_CREDENTIAL_STORE (reason quota) and every record is kept', async () => {
    // A browser of its own: Chromium reads an origin's quota when its IndexedDB is first used.
    const small = await startBrowserHarness({ quotaBytes: 300_000 })
    try {
      const store = await openBrowserCredentialStore(small, { databaseName: 'credentials-quota' })
      await store.put(record('urn:kept'))
      await store.put(record('urn:replaced'))
      // Random text: Chromium compresses IndexedDB values, so a repeated letter would fit.
      const huge = randomBytes(1_000_000).toString('base64url')
      const quota = { code: 'ERR_CREDENTIAL_STORE', details: { reason: 'quota' } }
      await expect(store.put(record('urn:huge', huge))).rejects.toMatchObject(quota)
      await expect(store.put(record('urn:replaced', huge))).rejects.toMatchObject(quota)
      expect(await store.list()).toEqual([record('urn:kept'), record('urn:replaced')])
      await small.reload()
      const reopened = await openBrowserCredentialStore(small, { databaseName: 'credentials-quota' })
      expect(await reopened.list()).toEqual([record('urn:kept'), record('urn:replaced')])
    } finally {
      await small.close()
    }
  })

  it.each([
    ['a token that is not a string', 'token', 7],
    ['types that are not a list', 'types', 'ResidencyCard'],
    ['a non-numeric receivedAt', 'receivedAt', 'yesterday'],
    ['a validUntil that is not a number', 'validUntil', '2030-01-01'],
  ])(
    'error: a stored record with %s is ERR_CREDENTIAL_STORE (reason corrupted)',
    async (_name, member, value) => {
      const store = await freshStore()
      await store.put(record('urn:damaged'))
      await browser().call('damageRecord', store.databaseName, 'credentials', 'urn:damaged', member, value)
      const corrupted = { code: 'ERR_CREDENTIAL_STORE', details: { reason: 'corrupted' } }
      await expect(store.get('urn:damaged')).rejects.toMatchObject(corrupted)
      await expect(store.list()).rejects.toMatchObject(corrupted)
      await dispose(store)
    },
  )

  it('error: without IndexedDB (some private modes) the store is ERR_CREDENTIAL_STORE, reason unavailable', async () => {
    await browser().call('hideIndexedDb')
    try {
      await expect(freshStore()).rejects.toMatchObject({
        code: 'ERR_CREDENTIAL_STORE',
        details: { reason: 'unavailable' },
      })
    } finally {
      await browser().reload()
    }
  })
})
