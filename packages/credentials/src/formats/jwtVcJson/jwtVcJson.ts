import { jwtFormatModule } from '../jwt/jwtFormatModule.js'

/**
 * `jwt_vc_json`: the VC 1.1 JWT that did-jwt-vc and most wallets write (`typ` `JWT` or absent), with
 * a `vc` claim for a credential and a `vp` claim for a presentation.
 *
 * @see https://www.w3.org/TR/vc-data-model/#json-web-token
 */
export const jwtVcJson = jwtFormatModule('jwt_vc_json')
