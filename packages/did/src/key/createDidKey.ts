import type { SignatureAlgorithm } from '@civitas/core'
import { createSigner, type KeyStore } from '@civitas/crypto'
import { identityKey } from '../internal/identityKey.js'
import type { Identity } from '../types.js'
import { didKeyFromPublicJwk } from './didKeyFromPublicJwk.js'

/** Options for {@link createDidKey} and `createDidJwk`. */
export interface CreateDidOptions {
  /** The key store that holds (or will hold) the key. */
  keyStore: KeyStore
  /** The algorithm of a new key; ignored when `keyId` names an existing key. */
  alg?: SignatureAlgorithm
  /** Use this existing key instead of creating one. */
  keyId?: string
}

/**
 * Creates a did:key identity: a new key in the store (or an existing one by `keyId`), its DID, and
 * a signer whose `kid` is the key's DID URL.
 *
 * @see https://w3c-ccg.github.io/did-key-spec/#create
 * @throws `ERR_KEY_NOT_FOUND` for an unknown `keyId`; the key store's codes for `createKey`.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidKey } from '@civitas/did/key'
 *
 * const citizen = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
 * console.log(citizen.did) // did:key:z6Mk…
 * ```
 */
export async function createDidKey(options: CreateDidOptions): Promise<Identity> {
  const { keyStore } = options
  const key = await identityKey(options)
  const did = didKeyFromPublicJwk(key.publicJwk)
  const kid = `${did}#${did.slice('did:key:'.length)}`
  return { did, kid, signer: await createSigner({ keyStore, keyId: key.id, kid }) }
}
