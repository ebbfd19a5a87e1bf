// The verifier path in a browser: did:key (with did:jwk) resolution, vc+jwt verification, status lists.
export { createResolver } from '@civitas/did'
export { createVerifier } from '@civitas/verifier'
