import { isCivitasError } from '@civitas/core'
import type { DIDResolver, ResolverRegistry } from 'did-resolver'
import { didKeyDocument } from '../internal/didKeyDocument.js'
import { resolutionError, resolutionSuccess } from '../internal/resolutionError.js'

/**
 * The did:key method for `createResolver` or any did-resolver `Resolver`: Ed25519 (with its X25519
 * key agreement key), X25519, P-256 and secp256k1. Invalid keys resolve to `invalidDid`,
 * `invalidPublicKeyType`, `invalidPublicKeyLength` or `invalidPublicKey`.
 *
 * @see https://w3c-ccg.github.io/did-key-spec/#read
 * @example
 * ```ts
 * import { Resolver } from 'did-resolver'
 * import { didKeyResolver } from '@civitas/did/key'
 *
 * const resolver = new Resolver({ ...didKeyResolver() })
 * ```
 */
export function didKeyResolver(): ResolverRegistry {
  const key: DIDResolver = async (_did, parsed) => {
    try {
      return resolutionSuccess(didKeyDocument(parsed.did))
    } catch (error) {
      const name = isCivitasError(error) ? String(error.details?.error ?? 'invalidDid') : 'invalidDid'
      return resolutionError(name, error instanceof Error ? error.message : 'invalid did:key')
    }
  }
  return { key }
}
