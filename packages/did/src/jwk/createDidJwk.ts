import { createSigner } from '@civitas/crypto'
import { identityKey } from '../internal/identityKey.js'
import type { CreateDidOptions } from '../key/createDidKey.js'
import type { Identity } from '../types.js'
import { didJwkFromPublicJwk } from './didJwkFromPublicJwk.js'

/**
 * Creates a did:jwk identity: a new key in the store (or an existing one by `keyId`), its DID, and
 * a signer whose `kid` is `did:jwk:…#0`.
 *
 * @see https://github.com/quartzjer/did-jwk/blob/main/spec.md
 * @throws `ERR_KEY_NOT_FOUND` for an unknown `keyId`; the key store's codes for `createKey`.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidJwk } from '@civitas/did/jwk'
 *
 * const device = await createDidJwk({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
 * ```
 */
export async function createDidJwk(options: CreateDidOptions): Promise<Identity> {
  const key = await identityKey(options)
  const did = didJwkFromPublicJwk(key.publicJwk)
  const kid = `${did}#0`
  return { did, kid, signer: await createSigner({ keyStore: options.keyStore, keyId: key.id, kid }) }
}
