import {
  CivitasError,
  type DidDocument,
  type VerificationMethod,
  type VerificationRelationship,
} from '@civitas/core'

/**
 * Finds the verification method `kid` names in a DID document and requires it to be listed under
 * `relationship` (DID Core §5.3): an issuer's key under `assertionMethod`, a holder's under
 * `authentication`. `kid` may be absolute (`did:…#key-1`, whose DID must be the document's) or
 * relative (`#key-1`); relationship entries may reference or embed the method.
 *
 * @see https://www.w3.org/TR/did-1.0/#verification-relationships
 * @throws `ERR_VERIFICATION_METHOD_NOT_FOUND` when the document has no such method (or `kid` names
 *   another DID); `ERR_VERIFICATION_RELATIONSHIP` when the method exists but is not listed under
 *   `relationship`.
 * @example
 * ```ts
 * import { createResolver, findVerificationMethod, resolveDidDocument } from '@civitas/did'
 *
 * const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
 * const document = await resolveDidDocument(createResolver(), did)
 * const method = findVerificationMethod(document, `${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`, 'assertionMethod')
 * ```
 */
export function findVerificationMethod(
  document: DidDocument,
  kid: string,
  relationship: VerificationRelationship,
): VerificationMethod {
  if (typeof kid !== 'string' || kid.length === 0) {
    throw new CivitasError('ERR_VERIFICATION_METHOD_NOT_FOUND', 'kid: expected a non-empty DID URL')
  }
  const id = kid.startsWith('#') ? `${document.id}${kid}` : kid
  if (!id.startsWith(`${document.id}#`)) {
    throw new CivitasError(
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
      `kid names a key outside ${document.id.slice(0, 80)}`,
      {
        details: { kid: kid.slice(0, 200), reason: 'otherDid' },
      },
    )
  }
  const listed = listOf(document[relationship]).find((entry) => sameId(document.id, entry, id))
  if (typeof listed === 'object' && listed !== null) return listed as VerificationMethod
  const method = listOf(document.verificationMethod).find((entry) => sameId(document.id, entry, id))
  if (typeof method !== 'object' || method === null) {
    throw new CivitasError(
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
      `no verification method ${kid.slice(0, 200)}`,
      {
        details: { kid: kid.slice(0, 200) },
      },
    )
  }
  if (listed === undefined) {
    throw new CivitasError(
      'ERR_VERIFICATION_RELATIONSHIP',
      `${kid.slice(0, 200)} is not listed under ${relationship}`,
      {
        details: { kid: kid.slice(0, 200), relationship },
      },
    )
  }
  return method as VerificationMethod
}

function sameId(did: string, entry: unknown, id: string): boolean {
  const entryId = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id
  if (typeof entryId !== 'string') return false
  return entryId === id || (entryId.startsWith('#') && `${did}${entryId}` === id)
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
