import {
  assertBytes,
  CivitasError,
  decodeBase64url,
  type PrivateJwk,
  type SignatureAlgorithm,
} from '@civitas/core'
import { signNative } from '#native'
import { algorithmForJwk } from './algorithmForJwk.js'

// Ed25519 seeds and P-256 / secp256k1 scalars are all 32 bytes.
const PRIVATE_KEY_BYTES = 32

/** Options for {@link signWithJwk}. */
export interface SignWithJwkOptions {
  /** The private key. Key stores call this; applications use a {@link Signer}. */
  privateJwk: PrivateJwk
  /** The algorithm; by default the one the key's curve fixes, and no other is allowed. */
  alg?: SignatureAlgorithm
  /** The bytes to sign. */
  data: Uint8Array
}

/**
 * Signs bytes with a private JWK and returns the raw JOSE signature: 64 bytes, R‖S for ECDSA
 * (always low-S) and the RFC 8032 signature for EdDSA.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 (ECDSA R‖S) and
 *   https://www.rfc-editor.org/rfc/rfc8032#section-5.1.6 (Ed25519)
 * @throws `ERR_ALGORITHM_MISMATCH` when `alg` is not the key's algorithm;
 *   `ERR_ALGORITHM_UNSUPPORTED` for an unsupported curve; `ERR_JWK_INVALID` for a malformed key;
 *   `ERR_BASE64URL_INVALID` when `d` is not canonical base64url.
 * @example
 * ```ts
 * import { generateKeyPair, signWithJwk } from '@civitas/crypto'
 *
 * const { privateJwk } = await generateKeyPair({ alg: 'ES256' })
 * const signature = await signWithJwk({ privateJwk, data: new TextEncoder().encode('hello') })
 * signature.length // 64
 * ```
 */
export async function signWithJwk(options: SignWithJwkOptions): Promise<Uint8Array> {
  const { privateJwk, data } = options
  if (typeof privateJwk !== 'object' || privateJwk === null || typeof privateJwk.d !== 'string') {
    throw new CivitasError('ERR_JWK_INVALID', 'privateJwk: expected a private JWK with "d"')
  }
  const alg = algorithmForJwk(privateJwk)
  // Platform JWK importers forgive padding and stray characters; one accepted encoding per key.
  const privateKeyLength = decodeBase64url(privateJwk.d, { name: 'privateJwk.d' }).length
  if (privateKeyLength !== PRIVATE_KEY_BYTES) {
    throw new CivitasError(
      'ERR_JWK_INVALID',
      `privateJwk.d: expected ${PRIVATE_KEY_BYTES} bytes, received ${privateKeyLength}`,
    )
  }
  if (options.alg !== undefined && options.alg !== alg) {
    throw new CivitasError(
      'ERR_ALGORITHM_MISMATCH',
      `a ${privateJwk.crv} key signs ${alg}, not ${String(options.alg)}`,
    )
  }
  assertBytes(data, { name: 'data' })
  try {
    return (
      (await signNative(privateJwk, alg, data)) ??
      (await import('./internal/portable.js')).signPortable(privateJwk, alg, data)
    )
  } catch (cause) {
    throw new CivitasError('ERR_JWK_INVALID', 'privateJwk: the key could not sign', { cause })
  }
}
