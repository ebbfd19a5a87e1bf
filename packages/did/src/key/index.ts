/**
 * The did:key method: identifiers that are a public key (Ed25519 with its X25519 key agreement key,
 * P-256, secp256k1), for people and devices that need no registry.
 *
 * @module
 */
export { type CreateDidOptions, createDidKey } from './createDidKey.js'
export { didKeyFromPublicJwk } from './didKeyFromPublicJwk.js'
export { didKeyResolver } from './didKeyResolver.js'
