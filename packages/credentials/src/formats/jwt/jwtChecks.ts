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
