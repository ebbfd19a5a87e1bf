import { CivitasError, type SignatureAlgorithm } from '@civitas/core'

/**
 * Checks that a key store supports `alg`, with the error Civitas's own key stores give, for
 * {@link KeyStore} implementations that declare fewer algorithms than all three.
 *
 * @throws `ERR_ALGORITHM_UNSUPPORTED` unless `alg` is one of `algorithms`, naming the supported ones.
 * @example
 * ```ts
 * import { assertKeyStoreAlgorithm } from '@civitas/crypto'
 *
 * assertKeyStoreAlgorithm('EdDSA', ['EdDSA', 'ES256']) // passes
 * assertKeyStoreAlgorithm('ES256K', ['EdDSA'])         // throws ERR_ALGORITHM_UNSUPPORTED
 * ```
 */
export function assertKeyStoreAlgorithm(
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
