import { CivitasError, type PublicJwk } from '@civitas/core'
import { importPublicJwk } from '../../importPublicJwk.js'
import type { KeyInfo } from '../../types.js'
import { isSealedPrivateKey, type WebCryptoAlgorithm } from './webCryptoKeys.js'

/** One key as the WebCrypto store keeps it in IndexedDB: the private half is a non-extractable `CryptoKey`. */
export interface StoredKeyRecord {
  id: string
  alg: WebCryptoAlgorithm
  publicJwk: PublicJwk
  privateKey: CryptoKey
}

/**
 * Checks a record read back from IndexedDB: a record altered by other script, written by another
 * version or damaged is refused rather than half-used.
 *
 * @throws `ERR_KEY_STORE_CORRUPT` for anything but a complete, consistent record.
 */
export function parseStoredKeyRecord(
  value: unknown,
  algorithms: readonly WebCryptoAlgorithm[],
): StoredKeyRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const id = typeof record.id === 'string' ? record.id.slice(0, 128) : undefined
  const corrupt = (why: string, cause?: unknown): never => {
    throw new CivitasError('ERR_KEY_STORE_CORRUPT', `stored key record: ${why}`, {
      details: { keyId: id ?? null },
      ...(cause === undefined ? {} : { cause }),
    })
  }
  if (id === undefined) corrupt('no id')
  const alg = record.alg as WebCryptoAlgorithm
  if (!algorithms.includes(alg)) corrupt('unknown algorithm')
  let publicJwk: PublicJwk
  try {
    publicJwk = importPublicJwk(record.publicJwk)
  } catch (cause) {
    return corrupt('invalid public JWK', cause)
  }
  const expectedCurve = alg === 'EdDSA' ? 'Ed25519' : 'P-256'
  if (publicJwk.crv !== expectedCurve) corrupt('public JWK of another curve')
  if (!isSealedPrivateKey(record.privateKey, alg))
    corrupt('the private key is not a non-extractable signing CryptoKey')
  return { id: record.id as string, alg, publicJwk, privateKey: record.privateKey as CryptoKey }
}

/** What the store tells about a key: a fresh copy, never the `CryptoKey`. */
export function keyInfoOfStored(record: StoredKeyRecord): KeyInfo {
  return { id: record.id, alg: record.alg, publicJwk: { ...record.publicJwk } }
}
