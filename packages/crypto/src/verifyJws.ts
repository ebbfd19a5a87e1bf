import { CivitasError, type JsonObject, type PublicJwk, type SignatureAlgorithm } from '@civitas/core'
import { decodeJws } from './decodeJws.js'
import { isSupportedAlgorithm } from './internal/algorithms.js'
import { validatedPublicJwk } from './internal/validatedKeys.js'
import type { DecodedJws } from './types.js'
import { verifySignature } from './verifySignature.js'

/** Options for {@link verifyJws}. */
export interface VerifyJwsOptions {
  /** The key the JWS must be signed with, from a trusted source (a resolved DID document). */
  publicJwk: PublicJwk
  /** Narrows the accepted algorithms further (all three by default). */
  algorithms?: readonly SignatureAlgorithm[]
}

/**
 * Verifies a compact JWS against a known public key. The algorithm is checked against the key
 * before any crypto runs: `none`, HMAC, RSA and every other algorithm are refused, and so is an
 * `alg` that is not the key's own. Header keys (`jwk`, `jku`, `x5u`, ...) are never used.
 *
 * Pass a JWS decoded with `decodeJws(token, { payload: 'bytes' })` to verify non-JSON payloads.
 *
 * @returns the decoded JWS, now verified.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2 (validation) and
 *   https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 * @throws `ERR_ALGORITHM_UNSUPPORTED`, `ERR_ALGORITHM_MISMATCH`, `ERR_SIGNATURE_INVALID`,
 *   `ERR_JWK_INVALID`, and every code of {@link decodeJws}.
 * @example
 * ```ts
 * import { createMemoryKeyStore, createSigner, signJws, verifyJws } from '@civitas/crypto'
 *
 * const keyStore = createMemoryKeyStore()
 * const { id, publicJwk } = await keyStore.createKey({ alg: 'ES256' })
 * const token = await signJws({ payload: { hello: 'world' }, signer: await createSigner({ keyStore, keyId: id }) })
 * const { payload } = await verifyJws(token, { publicJwk })
 * ```
 */
export async function verifyJws(jws: string | DecodedJws, options: VerifyJwsOptions): Promise<DecodedJws>
export async function verifyJws<P extends JsonObject | Uint8Array>(
  jws: DecodedJws<P>,
  options: VerifyJwsOptions,
): Promise<DecodedJws<P>>
export async function verifyJws(
  jws: string | DecodedJws<JsonObject | Uint8Array>,
  options: VerifyJwsOptions,
): Promise<DecodedJws<JsonObject | Uint8Array>> {
  const decoded = typeof jws === 'string' ? decodeJws(jws) : jws
  const alg = decoded.header.alg
  if (!isSupportedAlgorithm(alg) || (options.algorithms !== undefined && !options.algorithms.includes(alg))) {
    throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', `JWS algorithm ${alg.slice(0, 32)} is not accepted`, {
      details: { alg: alg.slice(0, 32) },
    })
  }
  const publicJwk = validatedPublicJwk(options.publicJwk)
  const valid = await verifySignature({
    publicJwk,
    alg,
    data: decoded.signingInput,
    signature: decoded.signature,
  })
  if (!valid)
    throw new CivitasError('ERR_SIGNATURE_INVALID', 'JWS signature does not verify with the given key')
  return decoded
}
