import type { CredentialRecord, CredentialStore } from '@civitas/wallet'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

/** Options for {@link describeCredentialStoreConformance}. */
export interface DescribeCredentialStoreConformanceOptions {
  /** Releases a store after each test (close files, drop tables). */
  dispose?: (store: CredentialStore) => void | Promise<void>
  /** Opens a second store on the same backing storage, to prove records survive a restart. */
  reopen?: (store: CredentialStore) => Promise<CredentialStore>
}

const DAY = 24 * 3600 * 1000

function record(id: string, extra: Partial<CredentialRecord> = {}): CredentialRecord {
  return {
    id,
    token: `eyJhbGciOiJFZERTQSJ9.${id}.c2ln`,
    format: 'vc+jwt',
    types: ['VerifiableCredential', 'ResidencyCard'],
    issuer: 'did:example:tartu',
    subject: 'did:example:mari',
    validFrom: 10 * DAY,
    validUntil: 20 * DAY,
    receivedAt: 10 * DAY,
    ...extra,
  }
}

/**
 * Declares a vitest suite that any {@link CredentialStore} implementation runs: put/get/list/delete
 * semantics, replacement by id, filters by type, issuer and validity, and (with `reopen`) durability.
 *
 * @example
 * ```ts
 * import { describeCredentialStoreConformance } from '@civitas/test-utils'
 * import { createMemoryCredentialStore } from '@civitas/wallet'
 *
 * describeCredentialStoreConformance('memory credential store', () => createMemoryCredentialStore())
 * ```
 */
export function describeCredentialStoreConformance(
  name: string,
  factory: () => CredentialStore | Promise<CredentialStore>,
  options: DescribeCredentialStoreConformanceOptions = {},
): void {
  describe(`CredentialStore conformance: ${name}`, () => {
    let store: CredentialStore
    beforeEach(async () => {
      store = await factory()
    })
    afterEach(async () => {
      await options.dispose?.(store)
    })

    it('behavior: a stored record comes back by id, and unknown ids give undefined', async () => {
      await store.put(record('urn:a'))
      expect(await store.get('urn:a')).toEqual(record('urn:a'))
      expect(await store.get('urn:missing')).toBeUndefined()
    })

    it('behavior: put replaces a record with the same id', async () => {
      await store.put(record('urn:a'))
      await store.put(record('urn:a', { issuer: 'did:example:other' }))
      expect((await store.list()).map((entry) => entry.issuer)).toEqual(['did:example:other'])
    })

    it('behavior: list keeps insertion order and filters by type, issuer and validity', async () => {
      await store.put(record('urn:a'))
      await store.put(
        record('urn:b', { types: ['VerifiableCredential', 'MembershipCard'], issuer: 'did:example:club' }),
      )
      await store.put(record('urn:c', { validUntil: 12 * DAY }))
      expect((await store.list()).map((entry) => entry.id)).toEqual(['urn:a', 'urn:b', 'urn:c'])
      expect((await store.list({ type: 'MembershipCard' })).map((entry) => entry.id)).toEqual(['urn:b'])
      expect((await store.list({ issuer: 'did:example:tartu' })).map((entry) => entry.id)).toEqual([
        'urn:a',
        'urn:c',
      ])
      expect((await store.list({ validAt: 15 * DAY })).map((entry) => entry.id)).toEqual(['urn:a', 'urn:b'])
      expect(await store.list({ validAt: 5 * DAY })).toEqual([])
    })

    it('behavior: delete removes a record and says whether it existed', async () => {
      await store.put(record('urn:a'))
      expect(await store.delete('urn:a')).toBe(true)
      expect(await store.delete('urn:a')).toBe(false)
      expect(await store.list()).toEqual([])
    })

    if (options.reopen !== undefined) {
      const reopen = options.reopen
      it('behavior: records survive reopening the store', async () => {
        await store.put(record('urn:a'))
        await store.put(record('urn:b'))
        await store.delete('urn:a')
        const reopened = await reopen(store)
        expect((await reopened.list()).map((entry) => entry.id)).toEqual(['urn:b'])
      })
    }
  })
}
