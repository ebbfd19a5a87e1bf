import { CivitasError, type SignatureAlgorithm } from '@civitas/core'
import type { KeyInfo, KeyStore } from '@civitas/crypto'

/** The key an identity is made from: an existing one by id, else a new one (EdDSA by default). */
export async function identityKey(options: {
  keyStore: KeyStore
  alg?: SignatureAlgorithm
  keyId?: string
}): Promise<KeyInfo> {
  const { keyStore, alg = 'EdDSA', keyId } = options
  if (keyId === undefined) return keyStore.createKey({ alg })
  const key = await keyStore.getKey(keyId)
  if (key === undefined) {
    throw new CivitasError('ERR_KEY_NOT_FOUND', 'no key with this id in the key store', {
      details: { keyId: String(keyId).slice(0, 128) },
    })
  }
  return key
}
