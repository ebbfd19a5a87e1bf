import { jwtFormatModule } from '../jwt/jwtFormatModule.js'

/**
 * `vc+jwt`: a VC 2.0 secured with JOSE, the claims set being the credential (`typ: vc+jwt`); its
 * presentation is a `vp+jwt` that envelopes `vc+jwt` credentials.
 *
 * @see https://www.w3.org/TR/vc-jose-cose/#securing-with-jose
 */
export const vcJwt = jwtFormatModule('vc+jwt')
