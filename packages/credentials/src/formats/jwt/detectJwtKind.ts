import type { DecodedJws } from '@civitas/crypto'
import { PRESENTATION_MAX_LENGTH } from '../../internal/tokenLimits.js'
import type { CredentialToken, TokenKind } from '../types.js'

/**
 * What a JWT credential format detects in `token` with `decide`, given its decoded JWS; `undefined`
 * when the token is no compact JWS (its verification then says why).
 */
export function detectJwtKind(
  token: CredentialToken,
  decide: (decoded: DecodedJws) => TokenKind | undefined,
): TokenKind | undefined {
  let decoded: DecodedJws
  try {
    decoded = token.jws(PRESENTATION_MAX_LENGTH)
  } catch {
    return undefined
  }
  return decide(decoded)
}
