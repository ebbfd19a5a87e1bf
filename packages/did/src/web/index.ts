/**
 * The did:web method: DIDs of institutions that own a domain, resolved over HTTPS with the
 * address, redirect, size and time limits a verifier facing hostile DIDs needs (also available as
 * `createGuardedFetch`, for any URL that comes from untrusted data), and the pieces to host one (a
 * document builder and a web-standard request handler).
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
export { type CreateGuardedFetchResult, createGuardedFetch } from './createGuardedFetch.js'
export { didWebDocumentUrl } from './didWebDocumentUrl.js'
export { didWebResolver } from './didWebResolver.js'
export type {
  CreateGuardedFetchOptions,
  DidWebAddress,
  DidWebLookup,
  DidWebResolverOptions,
  GuardedFetch,
  GuardedFetchAddress,
  GuardedFetchLookup,
} from './types.js'
