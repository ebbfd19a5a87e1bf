// did-jwt-vc's verifier path: verify a credential with did:key resolution.
export { verifyCredential, verifyPresentation } from 'did-jwt-vc'
export { Resolver } from 'did-resolver'
export { getResolver } from 'key-did-resolver'
