import { CivitasError, type Clock, systemClock } from '@civitas/core'

/** The clock skew applied when none is given: 60 seconds. */
export const DEFAULT_CLOCK_SKEW_MS = 60_000
/** The largest clock skew a caller may allow: 300 seconds. */
export const MAX_CLOCK_SKEW_MS = 300_000

/** Time settings shared by every verification function. */
export interface TimeOptions {
  /** Time source (default the system clock). */
  clock?: Clock
  /** Tolerated clock difference in milliseconds (default 60,000, at most 300,000). */
  clockSkewMs?: number
}

/** Reads the clock once and validates the skew. */
export function readTime(options: TimeOptions): { now: number; skew: number } {
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS
  if (!Number.isFinite(skew) || skew < 0 || skew > MAX_CLOCK_SKEW_MS) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `clockSkewMs: expected 0 to ${MAX_CLOCK_SKEW_MS} milliseconds`,
    )
  }
  return { now: (options.clock ?? systemClock)(), skew }
}
