import { CivitasError, encodeBase64url, type SignatureAlgorithm } from '@civitas/core'
import {
  assertKeyId,
  assertKeyStoreAlgorithm,
  createMemoryKeyStore,
  type KeyInfo,
  type KeyStore,
} from '@civitas/crypto'
import type { IKey, IKeyManager, ManagedKeyInfo, TAgent } from '@veramo/core'
import { agentFailed, callAgent, isNotFound } from './internal/agentCalls.js'
import { joseSignatureOf } from './internal/joseSignature.js'
import { createLock } from './internal/lock.js'
import {
  algorithmOfType,
  bytesToHex,
  privateKeyHexOf,
  privateScalarOf,
  publicJwkOfVeramoKey,
  type VeramoSigningKeyType,
  veramoTypeOf,
} from './internal/veramoKeys.js'

/** The part of Veramo's key metadata store (`AbstractKeyStore`, e.g. `MemoryKeyStore`) that lists keys. */
export interface VeramoKeyLister {
  listKeys(args: Record<string, never>): Promise<ManagedKeyInfo[]>
}

/** The part of Veramo's private key store (`AbstractPrivateKeyStore`, e.g. `MemoryPrivateKeyStore`) that reads a key. */
export interface VeramoPrivateKeyReader {
  getKey(args: { alias: string }): Promise<{ alias: string; privateKeyHex: string; type: string }>
}

/** Options for {@link createVeramoKeyStore}. */
export interface CreateVeramoKeyStoreOptions {
  /** A Veramo agent with the key manager plugin (`@veramo/key-manager`). */
  agent: TAgent<IKeyManager>
  /** The name of the agent's key management system that new and imported keys go to (e.g. `'local'`). */
  kms: string
  /** The algorithms to offer (default: `['EdDSA', 'ES256', 'ES256K']`); keys of other types stay out of sight. */
  algorithms?: readonly SignatureAlgorithm[]
  /**
   * The key metadata store the agent's `KeyManager` was built with. Veramo's key manager has no
   * method that lists keys, so `listKeys` reads this store; without it, `listKeys` throws.
   */
  store?: VeramoKeyLister
  /**
   * The private key store of `@veramo/kms-local`'s `KeyManagementSystem` (its aliases are the key ids).
   * Veramo's key manager never hands private keys out, so `exportPrivateKey` reads this store; without
   * it, `exportPrivateKey` throws `ERR_KEY_NOT_EXPORTABLE`.
   */
  privateKeyStore?: VeramoPrivateKeyReader
}

const ALL_ALGORITHMS: readonly SignatureAlgorithm[] = ['EdDSA', 'ES256', 'ES256K']

/**
 * Uses a Veramo agent's key manager as a Civitas {@link KeyStore}: Civitas signs credentials,
 * presentations and sign-in answers with keys the agent manages, and the agent's DIDs and Civitas
 * identities share one set of keys.
 *
 * Key ids are Veramo `kid`s. Ed25519 keys sign as `EdDSA`, Secp256r1 as `ES256`, Secp256k1 as `ES256K`;
 * the KMS's signatures are returned in JOSE form (64 bytes, low-S for `ES256K`). Keys of other types
 * (X25519, ...) are not listed and do not sign.
 *
 * `createKey` with an `id` has the KMS generate the key under that `kid`. Without one, the id must be
 * the key's RFC 7638 thumbprint, which only exists once the key does: the key is generated here and
 * imported into the KMS (pass an `id` to keep generation inside the KMS). Changes made through one
 * store are serialised; other writers to the same agent are not seen until they finish.
 *
 * @see https://veramo.io/docs/api/core-types.ikeymanager
 * @throws `ERR_INVALID_ARGUMENT` without an agent that has `keyManagerGet`, or without `kms`;
 *   `ERR_ALGORITHM_UNSUPPORTED` when `algorithms` names another algorithm. The store's methods throw
 *   the {@link KeyStore} codes, `ERR_KEY_NOT_EXPORTABLE` from `exportPrivateKey` without a
 *   `privateKeyStore`, `ERR_KEY_STORE_CORRUPT` when that store's key does not match, `ERR_KEY_INVALID` when
 *   the agent reports a public key that is none, and `ERR_KEY_STORE_IO` when the agent fails or returns
 *   something unusable.
 * @example
 * ```ts
 * import { createSigner, signJws } from '@civitas/crypto'
 * import { createVeramoKeyStore } from '@civitas/veramo'
 * import { createAgent, type IKeyManager } from '@veramo/core'
 * import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
 * import { KeyManagementSystem } from '@veramo/kms-local'
 *
 * const store = new MemoryKeyStore()
 * const privateKeyStore = new MemoryPrivateKeyStore()
 * const agent = createAgent<IKeyManager>({
 *   plugins: [new KeyManager({ store, kms: { local: new KeyManagementSystem(privateKeyStore) } })],
 * })
 * const keyStore = createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
 * const key = await keyStore.createKey({ alg: 'ES256K' })
 * const token = await signJws({ payload: { hello: 'world' }, signer: await createSigner({ keyStore, keyId: key.id }) })
 * ```
 */
export function createVeramoKeyStore(options: CreateVeramoKeyStoreOptions): KeyStore {
  const { agent, kms, store, privateKeyStore } = options ?? {}
  if (typeof agent?.keyManagerGet !== 'function') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'createVeramoKeyStore: agent must have the key manager plugin',
    )
  }
  if (typeof kms !== 'string' || kms.length === 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'createVeramoKeyStore: kms must name a key management system',
    )
  }
  // A throwaway memory store validates algorithm lists and private JWKs exactly as Civitas's own stores do.
  const algorithms = createMemoryKeyStore({ algorithms: options.algorithms ?? ALL_ALGORITHMS }).algorithms
  const serialise = createLock()

  /** The Veramo key named `id`, or `undefined` when the agent has none. */
  async function findVeramoKey(id: string): Promise<IKey | undefined> {
    try {
      return await agent.keyManagerGet({ kid: id })
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw agentFailed('keyManagerGet', error)
    }
  }

  /** The key as Civitas sees it, or `undefined` when it is absent or of a type this store does not offer. */
  async function findKey(id: unknown): Promise<KeyInfo | undefined> {
    assertKeyId(id)
    const key = await findVeramoKey(id)
    return key === undefined ? undefined : keyInfoOf(key)
  }

  function keyInfoOf(key: Pick<IKey, 'kid' | 'type' | 'publicKeyHex'>): KeyInfo | undefined {
    const alg = algorithmOfType(key.type)
    if (alg === undefined || !algorithms.includes(alg)) return undefined
    const type = key.type as VeramoSigningKeyType
    return { id: key.kid, alg, publicJwk: publicJwkOfVeramoKey(type, key.publicKeyHex) }
  }

  async function requireKey(id: unknown): Promise<KeyInfo> {
    const info = await findKey(id)
    if (info === undefined) {
      throw new CivitasError(
        'ERR_KEY_NOT_FOUND',
        `no signing key ${String(id).slice(0, 64)} in the Veramo agent`,
      )
    }
    return info
  }

  async function assertFree(id: string): Promise<void> {
    if ((await findVeramoKey(id)) !== undefined) {
      throw new CivitasError('ERR_KEY_EXISTS', `the Veramo agent already has a key ${id.slice(0, 64)}`)
    }
  }

  /** Imports a validated private JWK under `id` (default its thumbprint) into the KMS. */
  async function importValidated(privateJwk: unknown, id: unknown): Promise<KeyInfo> {
    if (id !== undefined) assertKeyId(id)
    const scratch = createMemoryKeyStore({ algorithms })
    const checked = await scratch.importKey({ privateJwk } as never)
    const canonical = await scratch.exportPrivateKey(checked.id)
    const kid = (id as string | undefined) ?? checked.id
    return serialise(async () => {
      await assertFree(kid)
      const imported = await callAgent('keyManagerImport', () =>
        agent.keyManagerImport({
          kid,
          kms,
          type: veramoTypeOf(checked.alg),
          privateKeyHex: privateKeyHexOf(canonical),
        }),
      )
      return checkedInfo(imported, checked)
    })
  }

  return {
    algorithms,

    async createKey(createOptions) {
      const { alg, id } = createOptions ?? {}
      assertKeyStoreAlgorithm(alg, algorithms)
      if (id === undefined) {
        const scratch = createMemoryKeyStore({ algorithms })
        const generated = await scratch.createKey({ alg })
        return importValidated(await scratch.exportPrivateKey(generated.id), undefined)
      }
      assertKeyId(id)
      return serialise(async () => {
        await assertFree(id)
        const created = await callAgent('keyManagerCreate', () =>
          agent.keyManagerCreate({ kid: id, kms, type: veramoTypeOf(alg) }),
        )
        const info = keyInfoOf(created)
        if (info === undefined || info.alg !== alg || info.id !== id) {
          throw new CivitasError('ERR_KEY_STORE_IO', `Veramo KMS ${kms} created a key other than asked for`)
        }
        return info
      })
    },

    importKey(importOptions) {
      return importValidated(importOptions?.privateJwk, importOptions?.id)
    },

    getKey: findKey,

    async listKeys() {
      if (store === undefined) {
        throw new CivitasError(
          'ERR_INVALID_ARGUMENT',
          'createVeramoKeyStore: listKeys needs the key manager’s metadata store (options.store)',
        )
      }
      const keys = await callAgent('listKeys', () => store.listKeys({}))
      return keys.flatMap((key) => keyInfoOf(key) ?? [])
    },

    async sign(id, data) {
      if (!(data instanceof Uint8Array)) {
        throw new CivitasError('ERR_INVALID_ARGUMENT', `data: expected a Uint8Array, got ${typeof data}`)
      }
      const { alg } = await requireKey(id)
      const result = await callAgent('keyManagerSign', () =>
        agent.keyManagerSign({ keyRef: id, algorithm: alg, data: bytesToHex(data), encoding: 'hex' }),
      )
      return joseSignatureOf(result, alg)
    },

    deleteKey(id) {
      return serialise(async () => {
        if ((await findKey(id)) === undefined) return false
        return (await callAgent('keyManagerDelete', () => agent.keyManagerDelete({ kid: id }))) === true
      })
    },

    async exportPrivateKey(id) {
      const info = await requireKey(id)
      if (privateKeyStore === undefined) {
        throw new CivitasError(
          'ERR_KEY_NOT_EXPORTABLE',
          `key ${id.slice(0, 64)} stays in Veramo KMS; give createVeramoKeyStore the privateKeyStore to export`,
        )
      }
      const stored = await callAgent('privateKeyStore.getKey', () => privateKeyStore.getKey({ alias: id }))
      const scalar = privateScalarOf(veramoTypeOf(info.alg), stored?.privateKeyHex)
      const privateJwk = scalar === undefined ? undefined : { ...info.publicJwk, d: encodeBase64url(scalar) }
      // The scratch import checks that the stored private key belongs to the public key Veramo reports.
      const matches = await createMemoryKeyStore({ algorithms })
        .importKey({ privateJwk: privateJwk as never })
        .then(
          () => true,
          () => false,
        )
      if (privateJwk === undefined || !matches) {
        throw new CivitasError(
          'ERR_KEY_STORE_CORRUPT',
          `the private key store holds no key matching ${id.slice(0, 64)}`,
        )
      }
      return privateJwk
    },
  }

  function checkedInfo(imported: ManagedKeyInfo, expected: KeyInfo): KeyInfo {
    const info = keyInfoOf(imported)
    if (info === undefined || JSON.stringify(info.publicJwk) !== JSON.stringify(expected.publicJwk)) {
      throw new CivitasError('ERR_KEY_STORE_IO', `Veramo KMS ${kms} imported a key other than given`)
    }
    return info
  }
}
