import { CivitasError, type CivitasErrorCode, type DidDocument } from '@civitas/core'
import type { Resolvable } from 'did-resolver'
import { checkDidDocument } from './internal/checkDidDocument.js'

const CODE_OF_ERROR: Record<string, CivitasErrorCode> = {
  invalidDid: 'ERR_DID_INVALID',
  invalidDidUrl: 'ERR_DID_INVALID',
  invalidPublicKey: 'ERR_DID_INVALID',
  invalidPublicKeyLength: 'ERR_DID_INVALID',
  invalidPublicKeyType: 'ERR_DID_INVALID',
  unsupportedPublicKeyType: 'ERR_DID_INVALID',
  methodNotSupported: 'ERR_DID_METHOD_NOT_SUPPORTED',
  unsupportedDidMethod: 'ERR_DID_METHOD_NOT_SUPPORTED',
  notFound: 'ERR_DID_NOT_FOUND',
  invalidDidDocument: 'ERR_DID_DOCUMENT_INVALID',
}

/**
 * Resolves a DID to its document, or throws a typed error: the convenience for callers that only
 * want the document. The document's `id` must be the DID, and its size is bounded.
 *
 * @see https://www.w3.org/TR/did-1.0/#did-resolution-metadata
 * @throws `ERR_DID_INVALID`, `ERR_DID_METHOD_NOT_SUPPORTED`, `ERR_DID_NOT_FOUND`,
 *   `ERR_DID_DEACTIVATED`, `ERR_DID_DOCUMENT_INVALID`, `ERR_DID_RESOLUTION_FAILED` (with
 *   `details.error`, the DID Resolution error name, and `details.reason`, the Civitas code a
 *   Civitas method put in the resolution metadata, such as `ERR_ADDRESS_FORBIDDEN`).
 * @example
 * ```ts
 * import { createResolver, resolveDidDocument } from '@civitas/did'
 *
 * const document = await resolveDidDocument(createResolver(), 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
 * ```
 */
export async function resolveDidDocument(resolver: Resolvable, did: string): Promise<DidDocument> {
  if (typeof did !== 'string' || did.length === 0) {
    throw new CivitasError('ERR_DID_INVALID', 'DID: expected a non-empty string')
  }
  let result: Awaited<ReturnType<Resolvable['resolve']>>
  try {
    result = await resolver.resolve(did)
  } catch (cause) {
    throw new CivitasError('ERR_DID_RESOLUTION_FAILED', 'the DID resolver failed', {
      cause,
      details: { did: did.slice(0, 200) },
    })
  }
  const error = result?.didResolutionMetadata?.error
  if (error !== undefined) {
    const code = CODE_OF_ERROR[String(error)] ?? 'ERR_DID_RESOLUTION_FAILED'
    const message = String(result.didResolutionMetadata.message ?? error).slice(0, 300)
    throw new CivitasError(code, `cannot resolve ${did.slice(0, 80)}: ${message}`, {
      details: {
        did: did.slice(0, 200),
        error: String(error).slice(0, 64),
        // Civitas methods name the underlying failure (ERR_ADDRESS_FORBIDDEN, ERR_FETCH_FAILED, …).
        ...(typeof result.didResolutionMetadata.code === 'string'
          ? { reason: result.didResolutionMetadata.code.slice(0, 64) }
          : {}),
      },
    })
  }
  if (result?.didDocumentMetadata?.deactivated === true) {
    throw new CivitasError('ERR_DID_DEACTIVATED', `${did.slice(0, 80)} is deactivated`, {
      details: { did: did.slice(0, 200) },
    })
  }
  if (result?.didDocument == null) {
    throw new CivitasError('ERR_DID_NOT_FOUND', `no DID document for ${did.slice(0, 80)}`, {
      details: { did: did.slice(0, 200) },
    })
  }
  const end = did.search(/[#?/]/)
  return checkDidDocument(result.didDocument, end === -1 ? did : did.slice(0, end))
}
