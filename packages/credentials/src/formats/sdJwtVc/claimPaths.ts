import { CivitasError, describeValue } from '@civitas/core'
import type { ClaimPath } from '../../types.js'

/** At most this many claim paths in one call. */
const MAX_PATHS = 1024

/**
 * Turns claim paths into keys that compare equal for the same claim: segments joined by NUL,
 * array positions as decimal strings.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a path that is not a non-empty string or segment array.
 */
export function claimPathKeys(paths: readonly ClaimPath[], name: string): Set<string> {
  if (!Array.isArray(paths) || paths.length > MAX_PATHS) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${name}: expected an array of at most ${MAX_PATHS} claim paths`,
    )
  }
  return new Set(paths.map((path) => pathKey(segmentsOf(path, name))))
}

/** The key of a path given as segments. */
export function pathKey(segments: readonly (string | number)[]): string {
  return segments.map(String).join('\u0000')
}

function segmentsOf(path: ClaimPath, name: string): readonly (string | number)[] {
  const segments = typeof path === 'string' ? path.split('.') : path
  const valid =
    Array.isArray(segments) &&
    segments.length > 0 &&
    segments.every(
      (segment) =>
        (typeof segment === 'string' && segment.length > 0) ||
        (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0),
    )
  if (!valid) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${name}: expected a dotted claim path or an array of names and indexes, received ${describeValue(path)}`,
    )
  }
  return segments
}
