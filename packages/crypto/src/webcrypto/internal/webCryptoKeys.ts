import { CivitasError, type PublicJwk, type SignatureAlgorithm } from '@civitas/core'
import { importPublicJwk } from '../../importPublicJwk.js'
import type { ParsedPrivateJwk } from '../../internal/keyStoreRecords.js'
import { toLowSSignature } from '../../toLowSSignature.js'

/** The WebCrypto algorithm of each JOSE algorithm a browser can sign with. */
const WEBCRYPTO_ALGORITHMS = {
  ES256: { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  EdDSA: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
} as const satisfies Partial<Record<SignatureAlgorithm, unknown>>

/** The algorithms a WebCrypto key store can ever offer (secp256k1 is not in WebCrypto). */
export type WebCryptoAlgorithm = keyof typeof WEBCRYPTO_ALGORITHMS

/** A new key pair whose private half is a non-extractable `CryptoKey`. */
export interface WebCryptoKeyPair {
  privateKey: CryptoKey
  publicJwk: PublicJwk
}

/** Whether this WebCrypto generates and signs with Ed25519 keys (Chromium 137+, Firefox 129+, Safari 17+). */
export async function supportsEd25519(subtle: SubtleCrypto): Promise<boolean> {
  try {
    const pair = (await subtle.generateKey(WEBCRYPTO_ALGORITHMS.EdDSA.generate, false, [
      'sign',
    ])) as CryptoKeyPair
    await subtle.sign(WEBCRYPTO_ALGORITHMS.EdDSA.sign, pair.privateKey, new Uint8Array(1))
    return true
  } catch {
    return false
  }
}

/** Generates a key pair; only the public half can ever be exported. */
export async function generateWebCryptoKeyPair(
  subtle: SubtleCrypto,
  alg: WebCryptoAlgorithm,
): Promise<WebCryptoKeyPair> {
  const pair = (await subtle.generateKey(WEBCRYPTO_ALGORITHMS[alg].generate, false, [
    'sign',
  ])) as CryptoKeyPair
  const exported = await subtle.exportKey('jwk', pair.publicKey)
  return { privateKey: pair.privateKey, publicJwk: importPublicJwk(exported) }
}

/** Imports a validated private JWK as a non-extractable `CryptoKey`; the JWK is not kept. */
export async function importWebCryptoPrivateKey(
  subtle: SubtleCrypto,
  parsed: ParsedPrivateJwk,
): Promise<CryptoKey> {
  const alg = parsed.alg as WebCryptoAlgorithm
  return subtle.importKey('jwk', { ...parsed.privateJwk }, WEBCRYPTO_ALGORITHMS[alg].generate, false, [
    'sign',
  ])
}

/** Signs with a stored key: ECDSA comes back as R‖S (P1363, the JOSE form) and is made low-S. */
export async function signWithCryptoKey(
  subtle: SubtleCrypto,
  alg: WebCryptoAlgorithm,
  privateKey: CryptoKey,
  data: Uint8Array,
): Promise<Uint8Array> {
  const signature = new Uint8Array(
    await subtle.sign(WEBCRYPTO_ALGORITHMS[alg].sign, privateKey, new Uint8Array(data)),
  )
  if (signature.length !== 64) {
    throw new CivitasError('ERR_KEY_STORE_IO', `WebCrypto returned a ${signature.length}-byte signature`, {
      details: { reason: 'io' },
    })
  }
  return toLowSSignature({ alg, signature })
}

/** Whether a value read back from IndexedDB is a usable private key for `alg` that script cannot export. */
export function isSealedPrivateKey(value: unknown, alg: WebCryptoAlgorithm): value is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(value instanceof CryptoKey)) return false
  return (
    value.type === 'private' &&
    value.extractable === false &&
    value.algorithm.name === WEBCRYPTO_ALGORITHMS[alg].generate.name &&
    value.usages.includes('sign')
  )
}
