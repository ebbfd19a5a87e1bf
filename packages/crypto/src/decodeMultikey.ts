import { CivitasError, type PublicJwk } from '@civitas/core'
import { base58btc } from 'multiformats/bases/base58'
import { CURVE_OF_MULTICODEC, MAX_MULTIKEY_LENGTH, readVarint } from './internal/multicodec.js'
import { publicJwkFromBytes } from './publicJwkFromBytes.js'

/**
 * Decodes a multikey (`z` + base58btc of a multicodec varint and the raw key) into a validated
 * public JWK. Accepts Ed25519, X25519, P-256 and secp256k1 (compressed points).
 *
 * @throws `ERR_MULTIKEY_INVALID` for another multibase, bad base58, an unknown codec, a wrong key
 *   length, an off-curve point or an Ed25519 key of small order (`details.reason` says which).
 * @see https://www.w3.org/TR/cid-1.0/#Multikey
 * @example
 * ```ts
 * import { decodeMultikey } from '@civitas/crypto'
 *
 * decodeMultikey('z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp')
 * // { kty: 'OKP', crv: 'Ed25519', x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik' }
 * ```
 */
export function decodeMultikey(text: string): PublicJwk {
  if (typeof text !== 'string' || text.length > MAX_MULTIKEY_LENGTH || !text.startsWith('z')) {
    fail('multibase', 'expected a base58btc multibase string starting with "z"')
  }
  let bytes: Uint8Array
  try {
    bytes = base58btc.decode(text)
  } catch (cause) {
    fail('multibase', 'not valid base58btc', cause)
  }
  let code: number
  let prefixLength: number
  try {
    ;[code, prefixLength] = readVarint(bytes)
  } catch (cause) {
    fail('codec', 'no multicodec prefix', cause)
  }
  const crv = CURVE_OF_MULTICODEC.get(code)
  if (crv === undefined) fail('codec', `unsupported multicodec 0x${code.toString(16)}`)
  const key = bytes.subarray(prefixLength)
  const expected = crv === 'P-256' || crv === 'secp256k1' ? 33 : 32
  if (key.length !== expected)
    fail('length', `${crv} multikeys hold ${expected} bytes, received ${key.length}`)
  try {
    return publicJwkFromBytes({ crv, bytes: key })
  } catch (cause) {
    fail('point', `not a valid ${crv} public key`, cause)
  }
}

function fail(reason: 'multibase' | 'codec' | 'length' | 'point', message: string, cause?: unknown): never {
  throw new CivitasError('ERR_MULTIKEY_INVALID', `multikey: ${message}`, {
    details: { reason },
    ...(cause === undefined ? {} : { cause }),
  })
}
