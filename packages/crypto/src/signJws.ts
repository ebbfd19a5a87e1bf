import { CivitasError, encodeBase64url, encodeUtf8, type JsonObject } from '@civitas/core'
import type { Signer } from './types.js'

/** Options for {@link signJws}. */
export interface SignJwsOptions {
  /** Extra protected header members (`typ`, `cty`, `kid`, ...); `alg` comes from the signer. */
  header?: JsonObject
  /** A JSON object (serialized with `JSON.stringify`) or raw payload bytes. */
  payload: JsonObject | Uint8Array
  /** Signs the JWS; its `kid` goes into the header unless the header names one. */
  signer: Signer
}

/**
 * Produces a compact JWS (RFC 7515 §7.1) signed by `signer`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.1 (message signature)
 * @throws `ERR_ALGORITHM_MISMATCH` when the header names another `alg` than the signer's;
 *   `ERR_INVALID_ARGUMENT` for a missing signer; whatever the signer throws.
 * @example
 * ```ts
 * import { createMemoryKeyStore, createSigner, signJws } from '@civitas/crypto'
 *
 * const keyStore = createMemoryKeyStore()
 * const { id } = await keyStore.createKey({ alg: 'EdDSA' })
 * const signer = await createSigner({ keyStore, keyId: id })
 * const token = await signJws({ payload: { hello: 'world' }, signer })
 * ```
 */
export async function signJws(options: SignJwsOptions): Promise<string> {
  const { header = {}, payload, signer } = options
  if (typeof signer !== 'object' || signer === null || typeof signer.sign !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'signer: expected a Signer')
  }
  if (header.alg !== undefined && header.alg !== signer.alg) {
    throw new CivitasError(
      'ERR_ALGORITHM_MISMATCH',
      `header alg ${String(header.alg)} differs from the signer's ${signer.alg}`,
    )
  }
  const protectedHeader: JsonObject = { alg: signer.alg, ...header }
  if (signer.kid !== undefined && header.kid === undefined) protectedHeader.kid = signer.kid
  const encodedHeader = encodeBase64url(encodeUtf8(JSON.stringify(protectedHeader)))
  const payloadBytes = payload instanceof Uint8Array ? payload : encodeUtf8(JSON.stringify(payload))
  const signingInput = `${encodedHeader}.${encodeBase64url(payloadBytes)}`
  const signature = await signer.sign(encodeUtf8(signingInput))
  return `${signingInput}.${encodeBase64url(signature)}`
}
