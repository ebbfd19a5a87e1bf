import { isCivitasError } from '@civitas/core'
import type { DIDResolver, ResolverRegistry } from 'did-resolver'
import { didPeerDocument } from '../internal/didPeerDocument.js'
import { resolutionError, resolutionSuccess } from '../internal/resolutionError.js'

/**
 * The did:peer method for `createResolver` or any did-resolver `Resolver`: numalgo 0 (one key, the
 * did:key document) and numalgo 2 (several keys with their purposes, and services). Resolution is
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
  const peer: DIDResolver = async (_did, parsed) => {
    try {
      return resolutionSuccess(didPeerDocument(parsed.did))
    } catch (error) {
      const name = isCivitasError(error) ? String(error.details?.error ?? 'invalidDid') : 'invalidDid'
      return resolutionError(name, error instanceof Error ? error.message : 'invalid did:peer')
    }
  }
  return { peer }
}
