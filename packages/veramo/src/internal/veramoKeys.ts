import {
  CivitasError,
  decodeBase64url,
  type KeyType,
  type PrivateJwk,
  type PublicJwk,
  type SignatureAlgorithm,
} from '@civitas/core'
import { publicJwkFromBytes } from '@civitas/crypto'

/** The Veramo key types Civitas signs with. */
export type VeramoSigningKeyType = 'Ed25519' | 'Secp256r1' | 'Secp256k1'

/** What Civitas needs to know of a Veramo key type: its JOSE algorithm and its JWK curve. */
interface KeyTypeMapping {
  readonly alg: SignatureAlgorithm
  readonly crv: KeyType
}

const BY_TYPE: Readonly<Record<VeramoSigningKeyType, KeyTypeMapping>> = {
  Ed25519: { alg: 'EdDSA', crv: 'Ed25519' },
  Secp256r1: { alg: 'ES256', crv: 'P-256' },
  Secp256k1: { alg: 'ES256K', crv: 'secp256k1' },
}

const TYPE_BY_ALG: Readonly<Record<SignatureAlgorithm, VeramoSigningKeyType>> = {
  EdDSA: 'Ed25519',
  ES256: 'Secp256r1',
  ES256K: 'Secp256k1',
}

/** The Veramo key type that signs with `alg`. */
export function veramoTypeOf(alg: SignatureAlgorithm): VeramoSigningKeyType {
  return TYPE_BY_ALG[alg]
}

/** The JOSE algorithm of a Veramo key type, or `undefined` for types Civitas does not sign with (X25519, ...). */
export function algorithmOfType(type: unknown): SignatureAlgorithm | undefined {
  return typeof type === 'string' && Object.hasOwn(BY_TYPE, type)
    ? BY_TYPE[type as VeramoSigningKeyType].alg
    : undefined
}

/** Bytes from hex, with or without a `0x` prefix; `undefined` when the text is not even-length hex. */
export function hexToBytes(text: string): Uint8Array | undefined {
  const hex = text.startsWith('0x') ? text.slice(2) : text
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  }
  return bytes
}

/** Lower-case hex of `bytes`, without a prefix (what Veramo's `publicKeyHex` and `privateKeyHex` hold). */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The public JWK of a Veramo key from its type and `publicKeyHex`. */
export function publicJwkOfVeramoKey(type: VeramoSigningKeyType, publicKeyHex: unknown): PublicJwk {
  const bytes = typeof publicKeyHex === 'string' ? hexToBytes(publicKeyHex) : undefined
  if (bytes === undefined) {
    throw new CivitasError('ERR_KEY_INVALID', `Veramo ${type} key: publicKeyHex is not hex`)
  }
  return publicJwkFromBytes({ crv: BY_TYPE[type].crv, bytes })
}

/**
 * The `privateKeyHex` Veramo's local KMS keeps for a private JWK: for Ed25519 the 32-byte seed
 * followed by the public key (as `@veramo/kms-local` creates them), for ECDSA the 32-byte scalar.
 */
export function privateKeyHexOf(privateJwk: PrivateJwk): string {
  const d = decodeBase64url(privateJwk.d, { name: 'JWK d' })
  if (privateJwk.kty !== 'OKP') return bytesToHex(d)
  const x = decodeBase64url(privateJwk.x, { name: 'JWK x' })
  return bytesToHex(new Uint8Array([...d, ...x]))
}

/** The private scalar (or Ed25519 seed) in a Veramo `privateKeyHex`, or `undefined` if it is not one. */
export function privateScalarOf(type: VeramoSigningKeyType, privateKeyHex: unknown): Uint8Array | undefined {
  const bytes = typeof privateKeyHex === 'string' ? hexToBytes(privateKeyHex) : undefined
  if (bytes === undefined) return undefined
  if (type === 'Ed25519' && bytes.length === 64) return bytes.subarray(0, 32)
  return bytes.length === 32 ? bytes : undefined
}
