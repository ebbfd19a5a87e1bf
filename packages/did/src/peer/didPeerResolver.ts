import type { ResolverRegistry } from 'did-resolver'
import { staticResolver } from '../internal/staticResolver.js'

/**
 * The did:peer method for `createResolver` or any did-resolver `Resolver`: numalgo 0 (one key, the
 * did:key document), numalgo 2 (several keys with their purposes, and services) and numalgo 4 (a
 * document in the DID, long form; a short form alone is `notFound`). Resolution is
 * static: nothing is fetched. Invalid DIDs resolve to `invalidDid`, `invalidPublicKeyType`,
 * `invalidPublicKeyLength` or `invalidPublicKey`; other numalgos to `invalidDid`.
 *
 * @see https://identity.foundation/peer-did-method-spec/#resolving-a-didpeer2
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { didPeerResolver } from '@civitas/did/peer'
 *
 * const resolver = createResolver({ resolvers: [didPeerResolver()] })
 * const { didDocument } = await resolver.resolve('did:peer:0z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH')
 * ```
 */
export function didPeerResolver(): ResolverRegistry {
  // Loaded with the first did:peer, so resolvers that never meet one do not carry it.
  return {
    peer: staticResolver('peer', async (did) =>
      (await import('../internal/didPeerDocument.js')).didPeerDocument(did),
    ),
  }
}
