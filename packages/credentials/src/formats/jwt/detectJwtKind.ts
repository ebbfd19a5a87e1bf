import type { DecodedJws } from '@civitas/crypto'
import { PRESENTATION_MAX_LENGTH } from '../../internal/tokenLimits.js'
import type { CredentialFormat } from '../../types.js'
import type { CredentialToken, TokenKind } from '../types.js'
import { classifyJwt } from './detectJwtFormat.js'

/**
 * What `token` is if it declares itself a JWT credential or presentation in `format` (see
 * `classifyJwt`); `undefined` for another format or no compact JWS. Verification then judges it.
 */
export function detectJwtKind(token: CredentialToken, format: CredentialFormat): TokenKind | undefined {
  let decoded: DecodedJws
  try {
    decoded = token.jws(PRESENTATION_MAX_LENGTH)
  } catch {
    return undefined
  }
  const found = classifyJwt(decoded.header, decoded.payload)
  return found?.format === format ? found.kind : undefined
}
