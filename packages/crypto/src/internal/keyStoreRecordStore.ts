import type { PrivateJwk, SignatureAlgorithm } from '@civitas/core'
import { assertBytes, CivitasError } from '@civitas/core'
import { assertKeyId } from '../assertKeyId.js'
import { assertKeyStoreAlgorithm } from '../assertKeyStoreAlgorithm.js'
import { generateKeyPair } from '../generateKeyPair.js'
import { jwkThumbprint } from '../jwkThumbprint.js'
import { signWithJwk } from '../signWithJwk.js'
import type { CreateKeyOptions, ImportKeyOptions, KeyInfo, KeyStore } from '../types.js'
import { type KeyRecord, keyInfoOf, type ParsedPrivateJwk, parsePrivateJwk } from './keyStoreRecords.js'

/** Options for {@link createRecordKeyStore}. */
export interface RecordKeyStoreOptions {
  /** The algorithms the store declares. */
  algorithms: readonly SignatureAlgorithm[]
  /** The keys the store starts with, in creation order. */
  records?: readonly KeyRecord[]
  /**
   * Makes a new set of keys durable. Called with every change, one change at a time; the change
   * becomes visible only after it resolves, and is dropped if it throws.
   */
  persist?: (records: readonly KeyRecord[]) => Promise<void>
  /** Throws when the store may no longer be used (for example after `close()`). */
  assertUsable?: () => void
}

/**
 * The one implementation of the {@link KeyStore} semantics, shared by the memory and file stores: ids
 * default to RFC 7638 thumbprints, changes are serialised and applied only once persisted, and callers
 * only ever receive copies.
 */
export function createRecordKeyStore(options: RecordKeyStoreOptions): KeyStore {
  const algorithms = options.algorithms
  const assertUsable = options.assertUsable ?? (() => {})
  let records = new Map<string, KeyRecord>((options.records ?? []).map((record) => [record.id, record]))
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs one change after the previous ones, persisting the result before it becomes visible. */
  function change<T>(apply: (next: Map<string, KeyRecord>) => T): Promise<T> {
    const run = queue.then(async () => {
      assertUsable()
      const next = new Map(records)
      const result = apply(next)
      if (options.persist) await options.persist([...next.values()])
      records = next
      return result
    })
    queue = run.catch(() => {})
    return run
  }

  function find(id: string): KeyRecord {
    assertUsable()
    assertKeyId(id)
    const record = records.get(id)
    if (record === undefined) {
      throw new CivitasError('ERR_KEY_NOT_FOUND', 'no key with this id in the key store', {
        details: { keyId: id.slice(0, 128) },
      })
    }
    return record
  }

  async function add(parsed: ParsedPrivateJwk, id: string | undefined): Promise<KeyInfo> {
    const keyId = id ?? (await jwkThumbprint(parsed.publicJwk))
    const record: KeyRecord = { id: keyId, ...parsed }
    return change((next) => {
      if (next.has(keyId)) {
        throw new CivitasError('ERR_KEY_EXISTS', 'a key with this id is already in the key store', {
          details: { keyId: keyId.slice(0, 128) },
        })
      }
      next.set(keyId, record)
      return keyInfoOf(record)
    })
  }

  return {
    algorithms,

    async createKey(createOptions: CreateKeyOptions): Promise<KeyInfo> {
      assertUsable()
      const { alg, id } = createOptions ?? ({} as Partial<CreateKeyOptions>)
      assertKeyStoreAlgorithm(alg, algorithms)
      if (id !== undefined) assertKeyId(id)
      const pair = await generateKeyPair({ alg })
      return add(parsePrivateJwk(pair.privateJwk, await loadDerivePublicKey()), id)
    },

    async importKey(importOptions: ImportKeyOptions): Promise<KeyInfo> {
      assertUsable()
      const { privateJwk, id } = importOptions ?? ({} as Partial<ImportKeyOptions>)
      if (id !== undefined) assertKeyId(id)
      const parsed = parsePrivateJwk(privateJwk, await loadDerivePublicKey())
      assertKeyStoreAlgorithm(parsed.alg, algorithms)
      return add(parsed, id)
    },

    async getKey(id: string): Promise<KeyInfo | undefined> {
      assertUsable()
      assertKeyId(id)
      const record = records.get(id)
      return record === undefined ? undefined : keyInfoOf(record)
    },

    async listKeys(): Promise<KeyInfo[]> {
      assertUsable()
      return [...records.values()].map(keyInfoOf)
    },

    async sign(id: string, data: Uint8Array): Promise<Uint8Array> {
      const record = find(id)
      assertBytes(data, { name: 'data' })
      return signWithJwk({ privateJwk: record.privateJwk, alg: record.alg, data })
    },

    async deleteKey(id: string): Promise<boolean> {
      assertUsable()
      assertKeyId(id)
      if (!records.has(id)) return false
      return change((next) => next.delete(id))
    },

    async exportPrivateKey(id: string): Promise<PrivateJwk> {
      return { ...find(id).privateJwk }
    },
  }
}

/** The curve arithmetic to check private keys loads with the first key created or imported. */
async function loadDerivePublicKey() {
  return (await import('./derivePublicKey.js')).derivePublicKey
}
