import { CivitasError, decodeBase64url, encodeBase64url, type PublicJwk } from '@civitas/core'
import { ed25519PublicKeyY, montgomeryU } from './internal/ed25519Point.js'

/**
 * Derives the X25519 key-agreement key that belongs to an Ed25519 key (the birational map of RFC
 * 7748 §4.1), as did:key does for its `keyAgreement` entry.
 *
 * @throws `ERR_KEY_INVALID` unless the JWK is an Ed25519 public key Civitas accepts (canonical, not
 *   of small order).
 * @see https://w3c-ccg.github.io/did-key-spec/#ed25519-x25519
 * @example
 * ```ts
 * import { ed25519ToX25519PublicJwk, generateKeyPair } from '@civitas/crypto'
 *
 * const { publicJwk } = await generateKeyPair({ alg: 'EdDSA' })
 * const agreementKey = ed25519ToX25519PublicJwk(publicJwk) // { kty: 'OKP', crv: 'X25519', x: '…' }
 * ```
 */
export function ed25519ToX25519PublicJwk(jwk: PublicJwk): PublicJwk {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new CivitasError('ERR_KEY_INVALID', 'expected an Ed25519 public JWK')
  }
  let y: bigint | undefined
  try {
    y = ed25519PublicKeyY(decodeBase64url(jwk.x, { name: 'JWK x' }))
  } catch (cause) {
    throw new CivitasError('ERR_KEY_INVALID', 'not an Ed25519 point', { cause })
  }
  if (y === undefined)
    throw new CivitasError('ERR_KEY_INVALID', 'not a canonical Ed25519 point of large order')
  return { kty: 'OKP', crv: 'X25519', x: encodeBase64url(montgomeryU(y)) }
}
