import { CivitasError, encodeBase64url, encodeUtf8, isCivitasError } from '@civitas/core'
import type { VerifiedPresentation } from '@civitas/credentials'
import type { ReplayStore } from '../types.js'

// Credentials' defaults: presentations are fresh for 5 minutes, clocks may differ by 60 s.
const DEFAULT_MAX_AGE_MS = 5 * 60_000
const DEFAULT_SKEW_MS = 60_000

/**
 * How long a presentation must be remembered: as long as it could still pass the freshness check,
 * from the earliest moment it could first be seen (its `iat` one skew ahead of the verifier's clock).
 */
export function replayTtlMs(options: { maxPresentationAgeMs?: number; clockSkewMs?: number }): number {
  return (options.maxPresentationAgeMs ?? DEFAULT_MAX_AGE_MS) + 2 * (options.clockSkewMs ?? DEFAULT_SKEW_MS)
}

/**
 * Claims a verified presentation in the replay store, once: by what it is bound to, never by its
 * bytes, so a re-encoded token or a second valid signature over the same claims is the same
 * presentation. With a nonce, its audience and nonce (a nonce answers one request); without one,
 * its audience, holder and issue time.
 *
 * @throws `ERR_NONCE_REPLAYED` (as the `nonce` check) when it was claimed before; the store's own
 *   errors (`ERR_STORE_UNAVAILABLE`) when it cannot answer, so a verifier fails closed.
 */
export async function claimPresentation(
  store: ReplayStore,
  presentation: Pick<VerifiedPresentation, 'audience' | 'nonce' | 'holder' | 'issuedAt'>,
  ttlMs: number,
): Promise<void> {
  const audience = [...(presentation.audience ?? [])].sort()
  const binding =
    presentation.nonce === undefined
      ? ['holder', audience, presentation.holder, presentation.issuedAt]
      : ['nonce', audience, presentation.nonce]
  const digest = await crypto.subtle.digest(
    'SHA-256',
    encodeUtf8(JSON.stringify(binding)) as Uint8Array<ArrayBuffer>,
  )
  const key = `civitas:presentation:${encodeBase64url(new Uint8Array(digest))}`
  let first: boolean
  try {
    first = await store.claim(key, ttlMs)
  } catch (cause) {
    // The report shows the failure on the nonce check, with the store's code when it has one.
    throw new CivitasError(
      isCivitasError(cause) ? cause.code : 'ERR_STORE_UNAVAILABLE',
      'the replay store did not answer',
      { details: { check: 'nonce' }, cause },
    )
  }
  if (!first) {
    throw new CivitasError('ERR_NONCE_REPLAYED', 'this presentation was accepted once already', {
      details: { check: 'nonce' },
    })
  }
}
