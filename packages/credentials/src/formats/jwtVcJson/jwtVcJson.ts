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
 * `jwt_vc_json`: the VC 1.1 JWT that did-jwt-vc and most wallets write (`typ` `JWT` or absent), with
 * a `vc` claim for a credential and a `vp` claim for a presentation.
 *
 * @see https://www.w3.org/TR/vc-data-model/#json-web-token
 */
export const jwtVcJson: CredentialFormatModule<'jwt_vc_json'> = {
  format: 'jwt_vc_json',
  detect: (token) =>
    detectJwtKind(token, ({ header, payload }) => {
      if (header.typ !== undefined && header.typ !== 'JWT') return undefined
      if ('vp' in payload && !('vc' in payload)) return 'presentation'
      return 'vc' in payload ? 'credential' : undefined
    }),
  checks: JWT_CHECKS,
  holderBinding: 'subject',
  subjectClaims: firstCredentialSubject,
  dcql: { typesMeta: 'type_values', subjectMember: 'credentialSubject', vpFormat: JWT_VP_FORMAT },
  verifyCredential: verifyJwtCredential,
  verifyPresentation: verifyJwtPresentation,
  issue: async (options) => (await issuing()).issueJwtCredential('jwt_vc_json', options),
  present: async (options) => (await presenting()).presentJwt('jwt_vc_json', options),
}
