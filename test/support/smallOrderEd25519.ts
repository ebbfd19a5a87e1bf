import { createPublicKey, verify } from 'node:crypto'
import { encodeBase64url, encodeUtf8, type JsonObject } from '@civitas/core'
import { encodeMultikey } from '@civitas/crypto'

/** An encoding of an Ed25519 point of small order. */
export interface SmallOrderEncoding {
  /** The 32 bytes, hex. */
  hex: string
  /** The order of the point they decode to. */
  order: 1 | 2 | 4 | 8
  /** Whether this is the point's canonical encoding (y < p, no sign bit on x = 0). */
  canonical: boolean
}

// The eight points of small order and the six non-canonical encodings that decode to them (y ≥ p,
// or the sign bit set on x = 0), as published in Chalkias, Garillot, Nikolaenko, "Taming the many
// EdDSAs" (SSR 2020, §3 and the small-order table) and the ed25519-speccheck test vectors.
const FF = 'ff'.repeat(30)
export const SMALL_ORDER_ED25519: readonly SmallOrderEncoding[] = [
  { hex: `01${'00'.repeat(31)}`, order: 1, canonical: true },
  { hex: `ec${FF}7f`, order: 2, canonical: true },
  { hex: '00'.repeat(32), order: 4, canonical: true },
  { hex: `${'00'.repeat(31)}80`, order: 4, canonical: true },
  { hex: '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', order: 8, canonical: true },
  { hex: '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85', order: 8, canonical: true },
  { hex: 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', order: 8, canonical: true },
  { hex: 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa', order: 8, canonical: true },
  { hex: `01${'00'.repeat(30)}80`, order: 1, canonical: false },
  { hex: `ec${FF}ff`, order: 2, canonical: false },
  { hex: `ed${FF}7f`, order: 4, canonical: false },
  { hex: `ed${FF}ff`, order: 4, canonical: false },
  { hex: `ee${FF}7f`, order: 1, canonical: false },
  { hex: `ee${FF}ff`, order: 1, canonical: false },
]

/**
 * The table's rows as test cases: a readable name, the raw key bytes, its JWK, its multikey, and
 * the did:key and did:jwk made of it, each with the `kid` of its one signing method.
 */
export const SMALL_ORDER_KEYS = SMALL_ORDER_ED25519.map((encoding) => {
  const bytes = Uint8Array.from(Buffer.from(encoding.hex, 'hex'))
  const name = `order ${encoding.order}${encoding.canonical ? '' : ', non-canonical'} ${encoding.hex}`
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(bytes) }
  // encodeMultikey writes the bytes it is given (0xed prefix, base58btc); only reading checks them.
  const multikey = encodeMultikey(jwk as never)
  const didJwk = `did:jwk:${encodeBase64url(encodeUtf8(JSON.stringify(jwk)))}`
  const dids = [
    { did: `did:key:${multikey}`, kid: `did:key:${multikey}#${multikey}` },
    { did: didJwk, kid: `${didJwk}#0` },
  ]
  return { ...encoding, name, bytes, jwk, multikey, dids }
})

/**
 * A signature with S = 0 that OpenSSL accepts for `data` under the small-order key `publicKey`, or
 * undefined when none exists for these bytes. R must be −[k]A, a point of small order too, so the
 * eight are tried; about one message in three has none for a key of order 8.
 */
export function forgeSmallOrderSignature(publicKey: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(publicKey) },
    format: 'jwk',
  })
  for (const { hex, canonical } of SMALL_ORDER_ED25519) {
    if (!canonical) continue
    const signature = new Uint8Array(64)
    signature.set(Buffer.from(hex, 'hex'))
    if (verify(null, data, key, signature)) return signature
  }
  return undefined
}

/**
 * A compact EdDSA JWS under the small-order key `publicKey` that OpenSSL verifies, forged without
 * any private key: `payloadOf(attempt)` is signed for attempt 0, 1, … until a forgery exists.
 */
export function forgeSmallOrderJws(
  publicKey: Uint8Array,
  header: JsonObject,
  payloadOf: (attempt: number) => JsonObject,
): string {
  const encodedHeader = encodeBase64url(encodeUtf8(JSON.stringify({ alg: 'EdDSA', ...header })))
  for (let attempt = 0; attempt < 64; attempt++) {
    const input = `${encodedHeader}.${encodeBase64url(encodeUtf8(JSON.stringify(payloadOf(attempt))))}`
    const signature = forgeSmallOrderSignature(publicKey, encodeUtf8(input))
    if (signature !== undefined) return `${input}.${encodeBase64url(signature)}`
  }
  throw new Error('no forgery in 64 attempts')
}

/** Whether OpenSSL alone, with no check of the key, accepts the compact JWS under `publicKey`. */
export function opensslAcceptsJws(token: string, publicKey: Uint8Array): boolean {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(publicKey) },
    format: 'jwk',
  })
  return verify(null, encodeUtf8(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))
}
