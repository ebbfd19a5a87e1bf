import { CivitasError, decodeBase64url } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { hexlify, Wallet } from 'ethers'
import { EthrDidController } from 'ethr-did-resolver'
import type { EthrIdentity, EthrTransaction } from '../ethr/types.js'
import { configureEthrNetwork } from './ethrNetworks.js'

/** The part of ethr-did-resolver's registry controller that Civitas uses. */
export type EthrRegistryController = Pick<
  EthrDidController,
  'changeOwner' | 'addDelegate' | 'revokeDelegate' | 'setAttribute' | 'revokeAttribute'
>

const TIMEOUT_MS = 60_000

/**
 * Sends one registry transaction signed by the identity's key and waits until it is mined. The
 * registry accepts only Ethereum transactions from the owner, signed over Keccak-256, which a key
 * store (JOSE, SHA-256) does not make: the key is exported for this transaction only and dropped.
 *
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails, reverts or is refused; the key
 *   store's codes for `exportPrivateKey`.
 */
export async function sendRegistryTransaction(
  identity: EthrIdentity,
  keyStore: KeyStore,
  send: (controller: EthrRegistryController) => Promise<unknown>,
): Promise<EthrTransaction> {
  const { provider } = configureEthrNetwork(identity.network, TIMEOUT_MS)
  try {
    const privateJwk = await keyStore.exportPrivateKey(identity.keyId)
    if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'secp256k1') {
      throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', 'a did:ethr owner key must be secp256k1 (ES256K)')
    }
    const privateKey = decodeBase64url(privateJwk.d, { name: 'JWK d' })
    const wallet = new Wallet(hexlify(privateKey), provider)
    privateKey.fill(0)
    const controller = new EthrDidController(
      identity.did,
      undefined,
      wallet as never,
      undefined,
      provider as never,
      undefined,
      identity.network.registry,
    )
    const receipt = (await send(controller)) as {
      hash?: unknown
      blockNumber?: unknown
      status?: unknown
    } | null
    if (receipt === null || receipt.status !== 1 || typeof receipt.hash !== 'string') {
      throw new Error('the transaction was not mined successfully')
    }
    return { transactionHash: receipt.hash, blockNumber: Number(receipt.blockNumber) }
  } catch (cause) {
    if (cause instanceof CivitasError) throw cause
    throw new CivitasError('ERR_DID_UPDATE_FAILED', `did:ethr registry update of ${identity.did} failed`, {
      cause,
      details: { did: identity.did, reason: String((cause as Error)?.message ?? cause).slice(0, 200) },
    })
  } finally {
    provider.destroy()
  }
}
