import { CivitasError } from '@civitas/core'
import type { PresentationClaims } from './readPresentation.js'

/** The longest a presentation may have existed unless told otherwise: 5 minutes. */
export const DEFAULT_PRESENTATION_MAX_AGE_MS = 5 * 60_000

/**
 * Checks freshness by `iat` (or `nbf`, which did-jwt-vc writes instead) and `exp`; a presentation
 * with neither cannot show it is fresh. An `nbf` in the future fails as an `iat` there would, even
 * when `iat` is present: a presentation is never accepted before its own start.
 *
 * @returns the issue time used, in milliseconds.
 * @throws `ERR_TOKEN_ISSUED_IN_FUTURE`, `ERR_PRESENTATION_STALE`.
 */
export function checkFreshness(
  claims: Pick<PresentationClaims, 'issuedAt' | 'notBefore' | 'expires'>,
  now: number,
  skew: number,
  maxAgeMs: number,
): number {
  const issuedAt = claims.issuedAt ?? claims.notBefore
  if (issuedAt === undefined)
    throw new CivitasError('ERR_PRESENTATION_STALE', 'the presentation has no iat or nbf')
  if (issuedAt > now + skew) {
    throw new CivitasError('ERR_TOKEN_ISSUED_IN_FUTURE', 'the presentation was made in the future')
  }
  if (claims.notBefore !== undefined && claims.notBefore > now + skew) {
    throw new CivitasError('ERR_TOKEN_ISSUED_IN_FUTURE', 'the presentation is not valid yet (nbf)')
  }
  const expired = claims.expires !== undefined && claims.expires <= now - skew
  if (now - issuedAt > maxAgeMs + skew || expired) {
    throw new CivitasError(
      'ERR_PRESENTATION_STALE',
      'the presentation is too old; ask the wallet for a new one',
      {
        details: { issuedAt: new Date(issuedAt).toISOString() },
      },
    )
  }
  return issuedAt
}

/**
 * Checks `aud` against the expected audience. A presentation addressed to someone must be checked
 * by that someone: an `aud` the verifier did not claim fails too (RFC 7519 §4.1.3).
 *
 * @throws `ERR_AUDIENCE_MISMATCH` for another audience; `ERR_AUDIENCE_REQUIRED` when none is expected
 *   but the presentation names one.
 */
export function checkAudience(
  claims: Pick<PresentationClaims, 'audience'>,
  expected: string | undefined,
): void {
  const audience = claims.audience.map((value) => value.slice(0, 200))
  if (expected === undefined && audience.length > 0) {
    // Not "for another verifier": the check lacks the request the presentation answers.
    throw new CivitasError(
      'ERR_AUDIENCE_REQUIRED',
      `the presentation is addressed to ${audience.join(', ')}: check it with the audience and nonce of the request it answers`,
      { details: { audience } },
    )
  }
  if (expected !== undefined && !claims.audience.includes(expected)) {
    throw new CivitasError('ERR_AUDIENCE_MISMATCH', 'the presentation is addressed to another verifier', {
      details: { audience },
    })
  }
}

/** Checks the nonce when one is expected. @throws `ERR_NONCE_MISMATCH`. */
export function checkNonce(claims: Pick<PresentationClaims, 'nonce'>, expected: string | undefined): void {
  if (expected !== undefined && claims.nonce !== expected) {
    throw new CivitasError(
      'ERR_NONCE_MISMATCH',
      claims.nonce === undefined ? 'the presentation has no nonce' : 'the nonce differs',
    )
  }
}
