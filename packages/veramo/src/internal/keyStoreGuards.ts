import { CivitasError, type SignatureAlgorithm } from '@civitas/core'

/** Longest key id the store accepts, as Civitas's own stores do. */
const MAX_KEY_ID_LENGTH = 1024

/** Throws `ERR_INVALID_ARGUMENT` unless `id` is a string of 1 to 1,024 characters. */
export function assertKeyId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_KEY_ID_LENGTH) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `key id: expected a string of 1 to ${MAX_KEY_ID_LENGTH} characters, got ${typeof id === 'string' ? `${id.length} characters` : typeof id}`,
    )
  }
}

/** Throws `ERR_ALGORITHM_UNSUPPORTED` unless `alg` is one of the store's `algorithms`. */
export function assertAlgorithm(
  alg: unknown,
  algorithms: readonly SignatureAlgorithm[],
): asserts alg is SignatureAlgorithm {
  if (typeof alg !== 'string' || !(algorithms as readonly string[]).includes(alg)) {
    const shown = typeof alg === 'string' ? alg.slice(0, 32) : typeof alg
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `algorithm ${shown} is not supported by this key store (supported: ${algorithms.join(', ')})`,
      { details: { alg: shown, supported: [...algorithms] } },
    )
  }
}
