import { checkSchema } from '../../internal/checkSchema.js'
import type { CheckName, CredentialFormat } from '../../types.js'
import { loadOperations } from '../loadOperations.js'
import type { CredentialFormatModule, TokenKind } from '../types.js'
import { detectJwtKind } from './detectJwtKind.js'
import { firstCredentialSubject } from './firstCredentialSubject.js'
import { readCredential } from './readCredential.js'
import { verifyJwtCredential } from './verifyJwtCredential.js'
import { verifyJwtPresentation } from './verifyJwtPresentation.js'

/** The checks JWT credentials and presentations run, in order (`verifyJwtCredential`, `verifyJwtPresentation`). */
const JWT_CHECKS: Readonly<Record<TokenKind, readonly CheckName[]>> = {
  credential: ['parse', 'algorithm', 'issuer', 'signature', 'validity', 'schema'],
  presentation: [
    'parse',
    'algorithm',
    'issuer',
    'signature',
    'freshness',
    'audience',
    'nonce',
    'credentials',
    'holder',
  ],
}

/**
 * The entry of a JWT format (a W3C credential secured as a compact JWS): detection by `typ` and
 * claims, the JWT checks, verification, and issuing and presenting, which load on first use.
 */
export function jwtFormatModule<Format extends Extract<CredentialFormat, 'vc+jwt' | 'jwt_vc_json'>>(
  format: Format,
): CredentialFormatModule<Format> {
  return {
    format,
    detect: (token) => detectJwtKind(token, format),
    checks: JWT_CHECKS,
    holderBinding: 'subject',
    subjectClaims: firstCredentialSubject,
    dcql: {
      typesMeta: 'type_values',
      subjectMember: 'credentialSubject',
      vpFormat: { alg_values: ['EdDSA', 'ES256', 'ES256K'] },
    },
    verifyCredential: verifyJwtCredential,
    verifyPresentation: verifyJwtPresentation,
    issue: async (options) =>
      (await loadOperations()).issueJwtCredential(format, options, (payload) =>
        checkSchema(readCredential(format, payload).credential, options.schemas),
      ),
    present: async (options) => (await loadOperations()).presentJwt(format, options),
  }
}
