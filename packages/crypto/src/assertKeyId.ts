import { CivitasError } from '@civitas/core'

/**
 * Longest key id a Civitas key store accepts (a did:jwk DID URL fits comfortably).
 *
 * @example
 * ```ts
 * import { MAX_KEY_ID_LENGTH } from '@civitas/crypto'
 *
 * const label = 'port-gate-7'.slice(0, MAX_KEY_ID_LENGTH)
 * ```
 */
export const MAX_KEY_ID_LENGTH = 1024

/**
 * Checks a key id as Civitas's own key stores do, for {@link KeyStore} implementations that want
 * the same rule: a string of 1 to {@link MAX_KEY_ID_LENGTH} characters.
 *
 * @throws `ERR_INVALID_ARGUMENT` for anything else.
 * @example
 * ```ts
 * import { assertKeyId } from '@civitas/crypto'
 *
 * assertKeyId('city-seal') // passes
 * assertKeyId('')          // throws ERR_INVALID_ARGUMENT
 * ```
 */
export function assertKeyId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_KEY_ID_LENGTH) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `key id: expected a string of 1 to ${MAX_KEY_ID_LENGTH} characters, got ${typeof id === 'string' ? `${id.length} characters` : typeof id}`,
    )
  }
}
