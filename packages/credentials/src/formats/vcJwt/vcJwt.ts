import { detectJwtKind } from '../jwt/detectJwtKind.js'
import { firstCredentialSubject } from '../jwt/firstCredentialSubject.js'
import { JWT_CHECKS, JWT_VP_FORMAT } from '../jwt/jwtChecks.js'
import { verifyJwtCredential } from '../jwt/verifyJwtCredential.js'
import { verifyJwtPresentation } from '../jwt/verifyJwtPresentation.js'
import { lazy } from '../lazy.js'
import type { CredentialFormatModule } from '../types.js'

const issuing = lazy(() => import('../jwt/issueJwtCredential.js'))
const presenting = lazy(() => import('../jwt/presentJwt.js'))

/**
 * `vc+jwt`: a VC 2.0 secured with JOSE, the claims set being the credential (`typ: vc+jwt`); its
 * presentation is a `vp+jwt` that envelopes `vc+jwt` credentials.
 *
 * @see https://www.w3.org/TR/vc-jose-cose/#securing-with-jose
 */
export const vcJwt: CredentialFormatModule<'vc+jwt'> = {
  format: 'vc+jwt',
  detect: (token) =>
    detectJwtKind(token, ({ header }) =>
      header.typ === 'vc+jwt' ? 'credential' : header.typ === 'vp+jwt' ? 'presentation' : undefined,
    ),
  checks: JWT_CHECKS,
  holderBinding: 'subject',
  subjectClaims: firstCredentialSubject,
  dcql: { typesMeta: 'type_values', subjectMember: 'credentialSubject', vpFormat: JWT_VP_FORMAT },
  verifyCredential: verifyJwtCredential,
  verifyPresentation: verifyJwtPresentation,
  issue: async (options) => (await issuing()).issueJwtCredential('vc+jwt', options),
  present: async (options) => (await presenting()).presentJwt('vc+jwt', options),
}
