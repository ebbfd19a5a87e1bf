import { describeValue } from './describeValue.js'
import { CivitasError } from './errors.js'

/** Options for {@link assertString}. */
export interface AssertStringOptions {
  /** Names the value in the error message, e.g. `'credential token'`. */
  name: string
  /** Smallest length allowed (default 0). */
  minLength?: number
  /** Largest length allowed, in UTF-16 code units. */
  maxLength?: number
}

/**
 * Asserts that `value` is a string within the given length bounds. The length cap is
 * checked before any decoding, so oversized hostile input costs nothing.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a non-string or a too-short string;
 *   `ERR_INPUT_TOO_LARGE` past `maxLength`.
 * @example
 * ```ts
 * import { assertString } from '@civitas/core'
 *
 * assertString('eyJhbGciOi…', { name: 'token', minLength: 1, maxLength: 65_536 })
 * ```
 */
export function assertString(value: unknown, options: AssertStringOptions): asserts value is string {
  if (typeof value !== 'string') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${options.name}: expected string, got ${describeValue(value)}`,
    )
  }
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${options.name}: ${value.length} characters exceed the limit of ${options.maxLength}`,
      { details: { limit: options.maxLength, received: value.length } },
    )
  }
  const minLength = options.minLength ?? 0
  if (value.length < minLength) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${options.name}: expected at least ${minLength} characters, got ${value.length}`,
      { details: { expected: minLength, received: value.length } },
    )
  }
}
