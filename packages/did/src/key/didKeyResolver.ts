import type { ResolverRegistry } from 'did-resolver'
import { didKeyDocument } from '../internal/didKeyDocument.js'
import { staticResolver } from '../internal/staticResolver.js'

/**
 * The did:key method for `createResolver` or any did-resolver `Resolver`: Ed25519 (with its X25519
 * key agreement key), X25519, P-256 and secp256k1. Invalid keys resolve to `invalidDid`,
 * `invalidPublicKeyType`, `invalidPublicKeyLength` or `invalidPublicKey`.
 *
 * @see https://w3c-ccg.github.io/did-key-spec/#read
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { didKeyResolver } from '@civitas/did/key'
 *
 * // createResolver knows did:key already; the registry plugs into any did-resolver `Resolver` alike.
 * const resolver = createResolver({ resolvers: [didKeyResolver()], cache: false })
 * const { didDocument } = await resolver.resolve('did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp')
 * ```
 */
export function didKeyResolver(): ResolverRegistry {
  return { key: staticResolver('key', didKeyDocument) }
}
