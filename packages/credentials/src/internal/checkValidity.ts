import { CivitasError } from '@civitas/core'
import type { CredentialClaims } from '../formats/jwt/readCredential.js'

/**
 * Checks both windows of a credential against `now` with `skew`: the signature's (`iat`, `nbf`,
 * `exp`) and the data's (`validFrom`, `validUntil`).
 *
 * @throws `ERR_TOKEN_ISSUED_IN_FUTURE`, `ERR_CREDENTIAL_NOT_YET_VALID`, `ERR_CREDENTIAL_EXPIRED`.
 */
export function checkValidity(claims: CredentialClaims, now: number, skew: number): void {
  if (claims.issuedAt !== undefined && claims.issuedAt > now + skew) {
    throw new CivitasError('ERR_TOKEN_ISSUED_IN_FUTURE', 'the credential was issued in the future', {
      details: { issuedAt: new Date(claims.issuedAt).toISOString() },
    })
  }
  for (const start of [claims.notBefore, claims.validFrom]) {
    if (start !== undefined && start > now + skew) {
      throw new CivitasError(
        'ERR_CREDENTIAL_NOT_YET_VALID',
        `the credential is valid from ${new Date(start).toISOString()}`,
        {
          details: { validFrom: new Date(start).toISOString() },
        },
      )
    }
  }
  for (const end of [claims.expires, claims.validUntil]) {
    if (end !== undefined && end <= now - skew) {
      throw new CivitasError(
        'ERR_CREDENTIAL_EXPIRED',
        `the credential expired at ${new Date(end).toISOString()}`,
        {
          details: { validUntil: new Date(end).toISOString() },
        },
      )
    }
  }
}
