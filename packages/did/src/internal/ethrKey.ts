import { CivitasError, type Did } from '@civitas/core'
import { createSigner, type KeyInfo, type KeyStore, publicKeyToBytes } from '@civitas/crypto'
import type { EthrIdentity, EthrNetwork } from '../ethr/types.js'
import { ethereumAddressOf } from './accountKey.js'
import { identityKey } from './identityKey.js'

/** A secp256k1 key of the store (an existing one by id, else a new one) and its Ethereum address. */
export async function ethrKey(
  keyStore: KeyStore,
  keyId?: string,
): Promise<{ key: KeyInfo; address: string }> {
  const key = await identityKey(keyId === undefined ? { keyStore, alg: 'ES256K' } : { keyStore, keyId })
  if (key.alg !== 'ES256K') {
    throw new CivitasError(
      'ERR_ALGORITHM_UNSUPPORTED',
      `did:ethr keys are ES256K (secp256k1), not ${key.alg}`,
      {
        details: { alg: key.alg },
      },
    )
  }
  return { key, address: ethereumAddressOf(publicKeyToBytes(key.publicJwk)) }
}

/** The identity that signs for `did` with a key of the store, under the method `fragment`. */
export async function ethrIdentity(options: {
  did: Did
  fragment: string
  keyStore: KeyStore
  key: KeyInfo
  address: string
  network: EthrNetwork
}): Promise<EthrIdentity> {
  const { did, fragment, keyStore, key, address, network } = options
  const kid = `${did}#${fragment}`
  const signer = await createSigner({ keyStore, keyId: key.id, kid })
  return { did, kid, signer, keyId: key.id, address, network }
}
