import type { DidDocument } from '@civitas/core'
import { isCivitasError } from '@civitas/core'
import type { DIDResolver } from 'did-resolver'
import { resolutionError, resolutionSuccess } from './resolutionError.js'

/**
 * A did-resolver function for a method whose document follows from the DID alone (did:key,
 * did:jwk, did:peer): `documentOf` throws `ERR_DID_INVALID` with the DID Resolution error name in
 * `details.error`, which becomes resolution metadata, never an exception.
 */
export function staticResolver(
  method: string,
  documentOf: (did: string) => DidDocument | Promise<DidDocument>,
): DIDResolver {
  return async (_did, parsed) => {
    try {
      return resolutionSuccess(await documentOf(parsed.did))
    } catch (error) {
      const name = isCivitasError(error) ? String(error.details?.error ?? 'invalidDid') : 'invalidDid'
      return resolutionError(name, error instanceof Error ? error.message : `invalid did:${method}`)
    }
  }
}
