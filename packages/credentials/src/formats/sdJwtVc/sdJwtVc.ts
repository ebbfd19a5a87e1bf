import { readTime } from '../../internal/timeOptions.js'
import { lazy } from '../lazy.js'
import type { CredentialFormatModule } from '../types.js'

/** Claims of an SD-JWT VC about the token rather than its subject. */
const SD_JWT_VC_REGISTERED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', 'sub', 'jti'])

// SD-JWT code (and its SHA-256) loads on the first SD-JWT, not with every verifier or wallet.
const credentialVerifier = lazy(() => import('./verifySdJwtVc.js'))
const presentationVerifier = lazy(() => import('./verifySdJwtPresentation.js'))
const issuing = lazy(() => import('./issueSdJwtVcCredential.js'))
const presenting = lazy(() => import('./presentSdJwtVc.js'))

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
  presentsAlone: true,
  async verifyCredential(token, options) {
    const { now, skew } = readTime(options)
    const { verifySdJwtVc } = await credentialVerifier()
    return verifySdJwtVc(token.text, options, { now, clockSkewMs: skew }, 'credential')
  },
  async verifyPresentation(token, options) {
    const { now, skew } = readTime(options)
    const { verifySdJwtPresentation } = await presentationVerifier()
    return verifySdJwtPresentation(token.text, options, { now, clockSkewMs: skew })
  },
  issue: async (options) => (await issuing()).issueSdJwtVcCredential(options),
  present: async (options) => (await presenting()).presentSdJwtVc(options),
}
