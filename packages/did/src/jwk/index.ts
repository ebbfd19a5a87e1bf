/**
 * The did:jwk method: identifiers that are a base64url-encoded public JWK.
 *
 * @module
 */
export { createDidJwk } from './createDidJwk.js'
export { didJwkFromPublicJwk } from './didJwkFromPublicJwk.js'
export { didJwkResolver } from './didJwkResolver.js'
