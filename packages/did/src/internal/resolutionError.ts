import type { DidDocument } from '@civitas/core'
import type { DIDResolutionResult } from 'did-resolver'

/** A DID resolution result that carries an error, as DID Resolution §7.1 shapes it. */
export function resolutionError(error: string, message: string): DIDResolutionResult {
  return {
    didResolutionMetadata: { error, message },
    didDocument: null,
    didDocumentMetadata: {},
  }
}

/** A successful resolution result. */
export function resolutionSuccess(didDocument: DidDocument): DIDResolutionResult {
  return {
    didResolutionMetadata: { contentType: 'application/did+json' },
    didDocument: didDocument as unknown as DIDResolutionResult['didDocument'],
    didDocumentMetadata: {},
  }
}
