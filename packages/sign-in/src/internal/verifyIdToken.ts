import { CivitasError } from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import { verifyDidSignedJwt } from './verifyDidSignedJwt.js'

const MAX_ID_TOKEN_LENGTH = 16_384
const MAX_AGE_MS = 5 * 60_000

/**
 * Verifies a SIOPv2 ID token and returns the person's DID: `iss` = `sub` = a DID whose
 * `authentication` key signed it, `aud` the full client id, the transaction's `nonce`, a future
 * `exp`, and an `iat` neither in the future nor older than five minutes (with clock skew).
 *
 * @throws `ERR_HOLDER_MISMATCH`, `ERR_AUDIENCE_MISMATCH`, `ERR_NONCE_MISMATCH`,
 *   `ERR_PRESENTATION_STALE`, `ERR_TOKEN_ISSUED_IN_FUTURE`, and the codes of JWS and DID checks.
 */
export async function verifyIdToken(options: {
  token: string
  clientId: string
  nonce: string
  resolver: Resolvable
  now: number
  skewMs: number
}): Promise<string> {
  const { token, clientId, nonce, now, skewMs } = options
  let subject = ''
  const claims = await verifyDidSignedJwt({
    token,
    did: (unverified) => {
      subject = readSubject(unverified.sub)
      return subject
    },
    typ: 'JWT',
    resolver: options.resolver,
    maxLength: MAX_ID_TOKEN_LENGTH,
    mismatch: 'ERR_HOLDER_MISMATCH',
  })
  if (claims.iss !== subject || claims.sub !== subject) {
    throw new CivitasError('ERR_HOLDER_MISMATCH', 'id_token: iss and sub must both be the holder DID')
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  if (!audience.includes(clientId)) {
    throw new CivitasError('ERR_AUDIENCE_MISMATCH', 'id_token: made for another client id')
  }
  if (claims.nonce !== nonce) throw new CivitasError('ERR_NONCE_MISMATCH', 'id_token: wrong or missing nonce')
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : Number.NaN
  const iat = typeof claims.iat === 'number' ? claims.iat * 1000 : Number.NaN
  if (!(exp + skewMs > now) || !(now - iat <= MAX_AGE_MS + skewMs)) {
    throw new CivitasError(
      'ERR_PRESENTATION_STALE',
      'id_token: expired or too old (exp and iat are required)',
    )
  }
  if (iat > now + skewMs)
    throw new CivitasError('ERR_TOKEN_ISSUED_IN_FUTURE', 'id_token: iat is in the future')
  return subject
}

function readSubject(sub: unknown): string {
  if (typeof sub !== 'string' || !sub.startsWith('did:') || sub.length > 2048) {
    throw new CivitasError('ERR_HOLDER_MISMATCH', 'id_token: sub must be the holder DID')
  }
  return sub
}
