import { loadOperations } from '../loadOperations.js'
import type { CredentialFormatModule } from '../types.js'

/** Claims of an SD-JWT VC about the token rather than its subject. */
const SD_JWT_VC_REGISTERED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', 'sub', 'jti'])

/**
 * `dc+sd-jwt`: an SD-JWT VC (`<issuer JWT>~<disclosure>~…~`) with salted disclosures and the
 * holder's key in `cnf`; presented alone as SD-JWT+KB, ending in its key-binding JWT.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-sd-jwt-vc/
 */
export const sdJwtVc: CredentialFormatModule<'dc+sd-jwt'> = {
  format: 'dc+sd-jwt',
  // An SD-JWT ending in a key-binding JWT is a presentation; one ending in ~ is a credential.
  detect: ({ text }) =>
    typeof text !== 'string' || !text.includes('~')
      ? undefined
      : text.endsWith('~')
        ? 'credential'
        : 'presentation',
  checks: {
    credential: ['parse', 'algorithm', 'issuer', 'signature', 'disclosures', 'validity'],
    // One credential, its holder bound by the key-binding JWT.
    presentation: ['parse', 'credentials', 'keyBinding', 'freshness', 'audience', 'nonce'],
  },
  holderBinding: 'key',
  subjectClaims: (credential) =>
    Object.fromEntries(Object.entries(credential).filter(([name]) => !SD_JWT_VC_REGISTERED.has(name))),
  dcql: {
    typesMeta: 'vct_values',
    vpFormat: {
      'sd-jwt_alg_values': ['EdDSA', 'ES256', 'ES256K'],
      'kb-jwt_alg_values': ['EdDSA', 'ES256', 'ES256K'],
    },
  },
  verifyCredential: async (token, options) =>
    (await loadOperations()).verifySdJwtVcCredential(token, options),
  verifyPresentation: async (token, options) =>
    (await loadOperations()).verifySdJwtVcPresentation(token, options),
  issue: async (options) => (await loadOperations()).issueSdJwtVcCredential(options),
  present: async (options) => (await loadOperations()).presentSdJwtVc(options),
}
