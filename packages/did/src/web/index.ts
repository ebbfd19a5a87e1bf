/**
 * The did:web method: DIDs of institutions that own a domain, resolved over HTTPS with the
 * address, redirect, size and time limits a verifier facing hostile DIDs needs, and the pieces to
 * host one (a document builder and a web-standard request handler).
 *
 * @module
 */

export {
  type CreateDidWebDocumentOptions,
  createDidWebDocument,
  type DidWebKey,
} from './createDidWebDocument.js'
export {
  type CreateDidWebHandlerOptions,
  type CreateDidWebHandlerResult,
  createDidWebHandler,
  type DidWebDocumentSource,
} from './createDidWebHandler.js'
export { didWebDocumentUrl } from './didWebDocumentUrl.js'
export { didWebResolver } from './didWebResolver.js'
export type { DidWebAddress, DidWebLookup, DidWebResolverOptions } from './types.js'
