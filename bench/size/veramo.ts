// Veramo's verifier path: an agent with did:key resolution and the W3C credential plugin (JWT).
export { createAgent } from '@veramo/core'
export { CredentialProviderJWT } from '@veramo/credential-jwt'
export { CredentialPlugin } from '@veramo/credential-w3c'
export { getDidKeyResolver } from '@veramo/did-provider-key'
export { DIDResolverPlugin } from '@veramo/did-resolver'
