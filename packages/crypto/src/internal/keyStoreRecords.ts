import type { PrivateJwk, PublicJwk, SignatureAlgorithm } from '@civitas/core'
import { CivitasError, decodeBase64url, encodeBase64url } from '@civitas/core'
import { assertKeyStoreAlgorithm } from '../assertKeyStoreAlgorithm.js'
import type { KeyInfo } from '../types.js'

/** One key as a key store holds it: canonical public and private JWKs, never shown to callers as is. */
export interface KeyRecord {
  readonly id: string
  readonly alg: SignatureAlgorithm
  readonly publicJwk: PublicJwk
  readonly privateJwk: PrivateJwk
}

/** Every algorithm a Civitas key store can support, in the order stores declare them. */
export const KEY_STORE_ALGORITHMS: readonly SignatureAlgorithm[] = Object.freeze(['EdDSA', 'ES256', 'ES256K'])

const CURVES = {
  Ed25519: { kty: 'OKP', alg: 'EdDSA' },
  'P-256': { kty: 'EC', alg: 'ES256' },
  secp256k1: { kty: 'EC', alg: 'ES256K' },
} as const

/**
 * Derives the public key of `d` on a curve: 32 bytes for Ed25519, a 65-byte uncompressed point
 * otherwise (see ./derivePublicKey.js, which callers load when they parse private keys).
 */
export type DerivePublicKey = (crv: keyof typeof CURVES, d: Uint8Array) => Uint8Array

/** Returns the store's declared algorithms: all three by default, else the given ones, deduplicated. */
export function resolveKeyStoreAlgorithms(algorithms: unknown): readonly SignatureAlgorithm[] {
  if (algorithms === undefined) return KEY_STORE_ALGORITHMS
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'algorithms: expected a non-empty array of algorithm names',
    )
  }
  for (const alg of algorithms) assertKeyStoreAlgorithm(alg, KEY_STORE_ALGORITHMS)
  return Object.freeze(KEY_STORE_ALGORITHMS.filter((alg) => algorithms.includes(alg)))
}

/** A fresh copy of what a store may tell about a key: id, alg and the public JWK. */
export function keyInfoOf(record: KeyRecord): KeyInfo {
  return { id: record.id, alg: record.alg, publicJwk: { ...record.publicJwk } }
}

/** Validated, canonical parts of a private JWK. */
export interface ParsedPrivateJwk {
  alg: SignatureAlgorithm
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
}

/**
 * Validates a private JWK of a supported signing curve: shape, exact lengths, a scalar in range and a
 * public part (`x`, `y`) that matches `d`. Returns canonical JWKs without extra members.
 *
 * @throws `ERR_JWK_INVALID` for a malformed or inconsistent key (or a public-only one);
 *   `ERR_ALGORITHM_UNSUPPORTED` for a well-formed key of another type (RSA, P-384, X25519, ...).
 */
export function parsePrivateJwk(value: unknown, derivePublicKey: DerivePublicKey): ParsedPrivateJwk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid('expected a JWK object')
  const jwk = value as Record<string, unknown>
  if (typeof jwk.kty !== 'string') invalid('kty must be a string')
  if (jwk.kty !== 'OKP' && jwk.kty !== 'EC') unsupported(`key type ${jwk.kty.slice(0, 16)}`)
  if (typeof jwk.crv !== 'string') invalid('crv must be a string')
  const curve = Object.hasOwn(CURVES, jwk.crv) ? CURVES[jwk.crv as keyof typeof CURVES] : undefined
  if (curve === undefined) unsupported(`curve ${jwk.crv.slice(0, 16)}`)
  if (curve.kty !== jwk.kty) invalid(`curve ${jwk.crv} requires kty ${curve.kty}`)
  if (jwk.alg !== undefined && jwk.alg !== curve.alg) invalid(`alg does not match curve ${jwk.crv}`)
  if (jwk.d === undefined) invalid('not a private key (no d)')
  const d = member(jwk, 'd')
  let derived: Uint8Array
  try {
    derived = derivePublicKey(jwk.crv as keyof typeof CURVES, d)
  } catch (cause) {
    return invalid('d is not a valid private scalar', cause)
  }
  const crv = jwk.crv as keyof typeof CURVES
  const publicJwk: PublicJwk =
    crv === 'Ed25519'
      ? { kty: 'OKP', crv, x: encodeBase64url(derived) }
      : {
          kty: 'EC',
          crv,
          x: encodeBase64url(derived.subarray(1, 33)),
          y: encodeBase64url(derived.subarray(33)),
        }
  const matches =
    encodeBase64url(member(jwk, 'x')) === publicJwk.x &&
    (publicJwk.kty === 'OKP' ? jwk.y === undefined : encodeBase64url(member(jwk, 'y')) === publicJwk.y)
  if (!matches) invalid('the public part (x, y) does not match d')
  return { alg: curve.alg, publicJwk, privateJwk: { ...publicJwk, d: encodeBase64url(d) } }
}

function member(jwk: Record<string, unknown>, name: 'd' | 'x' | 'y'): Uint8Array {
  const text = jwk[name]
  if (typeof text !== 'string') invalid(`${name} must be a base64url string`)
  let bytes: Uint8Array
  try {
    bytes = decodeBase64url(text, { name: `JWK ${name}`, maxLength: 64 })
  } catch (cause) {
    return invalid(`${name} is not canonical base64url`, cause)
  }
  if (bytes.length !== 32) invalid(`${name} must encode 32 bytes, got ${bytes.length}`)
  return bytes
}

function invalid(message: string, cause?: unknown): never {
  throw new CivitasError('ERR_JWK_INVALID', `private JWK: ${message}`, cause === undefined ? {} : { cause })
}

function unsupported(what: string): never {
  throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', `private JWK: ${what} is not supported by key stores`)
}
