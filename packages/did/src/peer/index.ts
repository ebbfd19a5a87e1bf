/**
 * The did:peer method, numalgo 0, 2 and 4 (long form): identifiers made for one relationship, resolved from the
 * DID alone (keys with their purposes, and services), with nothing published anywhere.
 *
 * @module
 */
export { type CreateDidPeerOptions, createDidPeer } from './createDidPeer.js'
export { didPeerResolver } from './didPeerResolver.js'
