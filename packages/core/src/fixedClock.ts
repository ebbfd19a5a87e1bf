import { CivitasError } from './errors.js'
import type { Clock } from './types.js'

/**
 * A {@link Clock} frozen at one instant, for tests, replays of old tokens and
 * deterministic examples.
 *
 * @throws `ERR_INVALID_ARGUMENT` for an invalid date.
 * @example
 * ```ts
 * import { fixedClock } from '@civitas/core'
 *
 * const clock = fixedClock('2026-01-01T00:00:00Z')
 * clock() // 1767225600000
 * ```
 */
export function fixedClock(instant: Date | string | number): Clock {
  const milliseconds = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (!Number.isFinite(milliseconds)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `fixedClock: expected a valid date, got ${String(instant)}`,
    )
  }
  return () => milliseconds
}
