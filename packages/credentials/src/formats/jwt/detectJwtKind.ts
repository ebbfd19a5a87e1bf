import type { DecodedJws } from '@civitas/crypto'
import { PRESENTATION_MAX_LENGTH } from '../../internal/tokenLimits.js'
import type { CredentialFormat } from '../../types.js'
import type { CredentialToken, TokenKind } from '../types.js'

/**
 * What `token` is if it is a JWT credential or presentation in `format`, told by its `typ` and
 * claims: `vc+jwt` / `vp+jwt`, or a VC 1.1 JWT (`typ` `JWT` or absent) with a `vc` or `vp` claim.
 * `undefined` for another format or no compact JWS (verification then says why, strictly).
 */
export function detectJwtKind(token: CredentialToken, format: CredentialFormat): TokenKind | undefined {
  let decoded: DecodedJws
  try {
    decoded = token.jws(PRESENTATION_MAX_LENGTH)
  } catch {
    return undefined
  }
  const { header, payload } = decoded
  const [detected, kind] =
    header.typ === 'vc+jwt'
      ? ['vc+jwt', 'credential']
      : header.typ === 'vp+jwt'
        ? ['vc+jwt', 'presentation']
        : header.typ !== undefined && header.typ !== 'JWT'
          ? []
          : 'vp' in payload && !('vc' in payload)
            ? ['jwt_vc_json', 'presentation']
            : 'vc' in payload
              ? ['jwt_vc_json', 'credential']
              : []
  return detected === format ? (kind as TokenKind) : undefined
}
