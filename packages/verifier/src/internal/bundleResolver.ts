import type { DidDocument } from '@civitas/core'
import type { Resolvable } from '@civitas/did'

type ResolutionResult = Awaited<ReturnType<Resolvable['resolve']>>

/**
 * A resolver that answers from a trust bundle's DID documents, and asks `fallback` (by default did:key and
 * did:jwk, which need no network) for every other DID, such as a holder's.
 */
export function bundleResolver(documents: readonly DidDocument[], fallback: Resolvable): Resolvable {
  const byDid = new Map(documents.map((document) => [document.id, document]))
  return {
    async resolve(didUrl, options) {
      const did = didUrl.split(/[#?/]/, 1)[0] ?? didUrl
      const document = byDid.get(did)
      if (document === undefined) return fallback.resolve(didUrl, options)
      return {
        didResolutionMetadata: { contentType: 'application/did+json' },
        didDocument: structuredClone(document),
        didDocumentMetadata: {},
      } as ResolutionResult
    },
  }
}
