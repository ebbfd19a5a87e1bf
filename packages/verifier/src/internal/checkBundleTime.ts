import { CivitasError } from '@civitas/core'

/**
 * Throws `ERR_TRUST_BUNDLE_EXPIRED` past the bundle's expiry (with `skewMs` of tolerance) and
 * `ERR_TRUST_BUNDLE_STALE` when it was signed more than `maxAgeMs` before `now`.
 */
export function checkBundleTime(
  bundle: { issuedAt: number; expiresAt: number },
  now: number,
  skewMs: number,
  maxAgeMs: number | undefined,
): void {
  const { issuedAt, expiresAt } = bundle
  if (now > expiresAt + skewMs) {
    throw new CivitasError(
      'ERR_TRUST_BUNDLE_EXPIRED',
      `the trust bundle expired at ${new Date(expiresAt).toISOString()}`,
      { details: { expiresAt } },
    )
  }
  if (maxAgeMs !== undefined && now - issuedAt > maxAgeMs) {
    throw new CivitasError(
      'ERR_TRUST_BUNDLE_STALE',
      `the trust bundle was signed ${Math.round((now - issuedAt) / 60_000)} min ago, more than the ${Math.round(maxAgeMs / 60_000)} min the policy allows`,
      { details: { issuedAt, maxAgeMs } },
    )
  }
}
