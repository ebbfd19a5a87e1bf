import { CivitasError, type DidDocument, parseJson } from '@civitas/core'
import { checkDidDocument } from '../../internal/checkDidDocument.js'

/** Deepest nesting a did:web document may have: a JWK in a method in a list is depth 4. */
const MAX_DEPTH = 16
const RELATIONSHIPS = [
  'authentication',
  'assertionMethod',
  'keyAgreement',
  'capabilityInvocation',
  'capabilityDelegation',
] as const

/**
 * Parses a fetched did:web document strictly (no duplicate or prototype keys, bounded depth) and
 * checks its structure: the `id` is the DID, methods are objects with string `id`, `type` and
 * `controller`, relationship entries are references or such methods, services have ids and types.
 *
 * @throws `ERR_DID_DOCUMENT_INVALID`; the `parseJson` codes.
 */
export function parseDidWebDocument(text: string, did: string): DidDocument {
  const document = checkDidDocument(parseJson(text, { name: 'did:web document', maxDepth: MAX_DEPTH }), did)
  for (const method of document.verificationMethod ?? []) checkMethod(method)
  for (const relationship of RELATIONSHIPS) {
    for (const entry of document[relationship] ?? []) if (typeof entry !== 'string') checkMethod(entry)
  }
  if (document.service !== undefined) {
    if (!Array.isArray(document.service)) fail('service is not an array')
    for (const service of document.service) {
      if (
        typeof service?.id !== 'string' ||
        (typeof service.type !== 'string' && !Array.isArray(service.type))
      )
        fail('a service lacks an id or a type')
    }
  }
  return document
}

function checkMethod(method: unknown): void {
  const candidate = method as Record<string, unknown> | null
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    Array.isArray(candidate) ||
    typeof candidate.id !== 'string' ||
    typeof candidate.type !== 'string' ||
    typeof candidate.controller !== 'string'
  ) {
    fail('a verification method lacks a string id, type or controller')
  }
}

function fail(reason: string): never {
  throw new CivitasError('ERR_DID_DOCUMENT_INVALID', `did:web document: ${reason}`)
}
