/**
 * What verifying a JWT credential never runs: SD-JWT VC (with its SHA-256), and issuing and
 * presenting in every format. Each format's code stays in its folder; this module only gathers it
 * into one chunk that loads on first use ({@link loadOperations}). One chunk rather than one per
 * format or operation: the code verification shares with it then goes into one shared chunk, which
 * keeps what a browser verifier loads up front within its budget (`npm run bench:size`).
 */
export { issueJwtCredential } from './jwt/issueJwtCredential.js'
export { presentJwt } from './jwt/presentJwt.js'
export { issueSdJwtVcCredential } from './sdJwtVc/issueSdJwtVcCredential.js'
export { presentSdJwtVc } from './sdJwtVc/presentSdJwtVc.js'
export { verifySdJwtVcCredential, verifySdJwtVcPresentation } from './sdJwtVc/verifySdJwtVcToken.js'
