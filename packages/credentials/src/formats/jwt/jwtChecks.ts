import type { CheckName } from '../../types.js'
import type { TokenKind } from '../types.js'

/** The checks JWT credentials and presentations run, in order (see `verifyJwtCredential`, `verifyJwtPresentation`). */
export const JWT_CHECKS: Readonly<Record<TokenKind, readonly CheckName[]>> = {
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

/** A JWT format's entry in `vp_formats_supported`: the signature algorithms Civitas verifies. */
export const JWT_VP_FORMAT = { alg_values: ['EdDSA', 'ES256', 'ES256K'] }
