import type { PublicJwk } from '@civitas/core'
import { base58btc } from 'multiformats/bases/base58'
import { MULTICODEC_OF_CURVE, varintBytes } from './internal/multicodec.js'
import { publicKeyToBytes } from './publicKeyToBytes.js'

/**
 * Encodes a public key as a multikey: `z` + base58btc(multicodec varint ‖ raw key), with EC keys
 * compressed — the form of did:key identifiers and `publicKeyMultibase`.
 *
 * @see https://www.w3.org/TR/cid-1.0/#Multikey
 * @example
 * ```ts
 * import { encodeMultikey } from '@civitas/crypto'
 *
 * encodeMultikey({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) // 'z6Mk…'
 * ```
 */
export function encodeMultikey(jwk: PublicJwk): string {
  const code = MULTICODEC_OF_CURVE[jwk.crv]
  const key = publicKeyToBytes(jwk)
  const prefix = varintBytes(code)
  const bytes = new Uint8Array(prefix.length + key.length)
  bytes.set(prefix, 0)
  bytes.set(key, prefix.length)
  return base58btc.encode(bytes)
}
