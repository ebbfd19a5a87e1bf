import { CivitasError, type DidDocument } from '@civitas/core'

/** More verification methods than this in one document is hostile, not useful. */
export const MAX_VERIFICATION_METHODS = 64
/** The verification relationships of DID Core, each a list of methods or references. */
export const RELATIONSHIPS = [
  'authentication',
  'assertionMethod',
  'keyAgreement',
  'capabilityInvocation',
  'capabilityDelegation',
]

/**
 * Checks the parts of a DID document that verification relies on: it is an object whose `id` is
 * the DID, and its method and relationship lists are arrays of bounded length.
 *
 * @throws `ERR_DID_DOCUMENT_INVALID`.
 */
export function checkDidDocument(document: unknown, did: string): DidDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) fail('not an object')
  const candidate = document as Record<string, unknown>
  if (candidate.id !== did) fail('its id is not the DID that was resolved')
  for (const list of ['verificationMethod', ...RELATIONSHIPS]) {
    const value = candidate[list]
    if (value === undefined) continue
    if (!Array.isArray(value)) fail(`${list} is not an array`)
    if (value.length > MAX_VERIFICATION_METHODS)
      fail(`${list} lists more than ${MAX_VERIFICATION_METHODS} entries`)
  }
  return candidate as DidDocument
}

function fail(reason: string): never {
  throw new CivitasError('ERR_DID_DOCUMENT_INVALID', `DID document: ${reason}`)
}
