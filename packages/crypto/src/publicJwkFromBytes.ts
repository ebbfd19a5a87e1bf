import { CivitasError, encodeBase64url, type KeyType, type PublicJwk } from '@civitas/core'
import { uncompressedEcPoint } from '#points'
import { ed25519PublicKeyY } from './internal/ed25519Point.js'

/** Options for {@link publicJwkFromBytes}. */
export interface PublicJwkFromBytesOptions {
  /** The curve the bytes belong to. */
  crv: KeyType
  /** 32 bytes for Ed25519 / X25519; a 33-byte compressed or 65-byte uncompressed point for EC curves. */
  bytes: Uint8Array
}

/**
 * Builds a validated public JWK from raw key bytes.
 *
 * @see https://www.secg.org/sec1-v2.pdf §2.3.3 (compressed points) and
 *   https://www.rfc-editor.org/rfc/rfc8037#section-2
 * @throws `ERR_KEY_INVALID` for a wrong length, an off-curve point, an Ed25519 point of small order
 *   or in a non-canonical encoding, or an unknown curve.
 * @example
 * ```ts
 * import { publicJwkFromBytes } from '@civitas/crypto'
 *
 * const jwk = publicJwkFromBytes({ crv: 'Ed25519', bytes: new Uint8Array(32).fill(1) })
 * ```
 */
export function publicJwkFromBytes(options: PublicJwkFromBytesOptions): PublicJwk {
  const { crv, bytes } = options
  if (!(bytes instanceof Uint8Array))
    throw new CivitasError('ERR_KEY_INVALID', 'bytes: expected a Uint8Array')
  if (crv === 'Ed25519' || crv === 'X25519') {
    if (bytes.length !== 32) invalid(`${crv} keys are 32 bytes, received ${bytes.length}`)
    if (crv === 'Ed25519' && ed25519PublicKeyY(bytes) === undefined)
      invalid('not a canonical Ed25519 point of large order')
    return { kty: 'OKP', crv, x: encodeBase64url(bytes) }
  }
  if (crv !== 'P-256' && crv !== 'secp256k1') invalid(`unknown curve ${String(crv).slice(0, 32)}`)
  if (bytes.length !== 33 && bytes.length !== 65) {
    invalid(`${crv} points are 33 (compressed) or 65 bytes, received ${bytes.length}`)
  }
  let uncompressed: Uint8Array
  try {
    uncompressed = uncompressedEcPoint(crv, bytes)
  } catch (cause) {
    invalid(`not a point on ${crv}`, cause)
  }
  return {
    kty: 'EC',
    crv,
    x: encodeBase64url(uncompressed.subarray(1, 33)),
    y: encodeBase64url(uncompressed.subarray(33, 65)),
  }
}

function invalid(message: string, cause?: unknown): never {
  throw new CivitasError('ERR_KEY_INVALID', message, cause === undefined ? {} : { cause })
}
