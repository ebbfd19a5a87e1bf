import { CivitasError } from '@civitas/core'
import type { KeyStore, Signer } from './types.js'

/** Options for {@link createSigner}. */
export interface CreateSignerOptions {
  /** The store holding the key. */
  keyStore: KeyStore
  /** The key's id in the store. */
  keyId: string
  /** The `kid` the signer announces (usually the key's DID URL); omitted when not given. */
  kid?: string
}

/**
 * Makes a {@link Signer} for one key of a key store. The signer takes its algorithm from the key
 * and holds the authority to sign with that key only, never to read or export it.
 *
 * @throws `ERR_KEY_NOT_FOUND` when the store has no key with this id; `ERR_INVALID_ARGUMENT` for
 *   a missing key store or a malformed id.
 * @example
 * ```ts
 * import { createMemoryKeyStore, createSigner } from '@civitas/crypto'
 *
 * const keyStore = createMemoryKeyStore()
 * const { id } = await keyStore.createKey({ alg: 'ES256' })
 * const signer = await createSigner({ keyStore, keyId: id, kid: 'did:example:city#key-1' })
 * const signature = await signer.sign(new TextEncoder().encode('hello'))
 * ```
 */
export async function createSigner(options: CreateSignerOptions): Promise<Signer> {
  const { keyStore, keyId, kid } = options
  if (typeof keyStore !== 'object' || keyStore === null || typeof keyStore.sign !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'keyStore: expected a KeyStore')
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'kid: expected a non-empty string')
  }
  const info = await keyStore.getKey(keyId)
  if (info === undefined) {
    throw new CivitasError('ERR_KEY_NOT_FOUND', 'no key with this id in the key store', {
      details: { keyId: String(keyId).slice(0, 128) },
    })
  }
  const alg = info.alg
  const sign = (data: Uint8Array): Promise<Uint8Array> => keyStore.sign(keyId, data)
  return kid === undefined ? { alg, sign } : { alg, kid, sign }
}
