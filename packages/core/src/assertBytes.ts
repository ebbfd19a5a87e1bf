import { describeValue } from './describeValue.js'
import { CivitasError } from './errors.js'

/** Options for {@link assertBytes}. */
export interface AssertBytesOptions {
  /** Names the value in the error message, e.g. `'Ed25519 public key'`. */
  name: string
  /** Exact length required. */
  length?: number
  /** Largest length allowed. */
  maxLength?: number
}

/**
 * Asserts that `value` is a `Uint8Array`, optionally of an exact or bounded length.
 * Messages say what was expected and what was received.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a non-`Uint8Array` or a wrong length;
 *   `ERR_INPUT_TOO_LARGE` past `maxLength`.
 * @example
 * ```ts
 * import { assertBytes } from '@civitas/core'
 *
 * assertBytes(new Uint8Array(32), { name: 'Ed25519 public key', length: 32 })
 * ```
 */
export function assertBytes(value: unknown, options: AssertBytesOptions): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${options.name}: expected Uint8Array, got ${describeValue(value)}`,
    )
  }
  if (options.length !== undefined && value.length !== options.length) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `${options.name}: expected ${options.length} bytes, got ${value.length}`,
      { details: { expected: options.length, received: value.length } },
    )
  }
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${options.name}: ${value.length} bytes exceed the limit of ${options.maxLength}`,
      { details: { limit: options.maxLength, received: value.length } },
    )
  }
}
