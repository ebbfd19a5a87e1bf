import type { KeyStore } from '@civitas/crypto'
import { ethrIdentity, ethrKey } from '../internal/ethrKey.js'
import { sendRegistryTransaction } from '../internal/ethrRegistry.js'
import type { EthrIdentity, EthrTransaction } from './types.js'

/** Options for {@link changeOwner}. */
export interface ChangeOwnerOptions {
  /** The DID's current owner (its `keyId` must be the owner's key). */
  identity: EthrIdentity
  /** The store that holds the owner's key and the new one. */
  keyStore: KeyStore
  /** The new owner's existing ES256K key; by default a new key is created in the store. */
  newKeyId?: string
}

/** What {@link changeOwner} returns. */
export interface ChangeOwnerResult {
  /** The same DID, now signing with the new owner's key as `#controller`. */
  identity: EthrIdentity
  /** The mined `changeOwner` transaction. */
  transaction: EthrTransaction
}

/**
 * Rotates a did:ethr DID's owner key: the registry's `changeOwner`, sent by the current owner
 * (whose account pays the gas). From the block it is mined in, `#controller` is the new key's
 * address, and signatures by the old key no longer verify for the current document.
 *
 * @see https://eips.ethereum.org/EIPS/eip-1056
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails or is refused (not the owner, no
 *   funds for gas); `ERR_KEY_NOT_FOUND`, `ERR_ALGORITHM_UNSUPPORTED` for `newKeyId`.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { changeOwner, createDidEthr } from '@civitas/did/ethr'
 *
 * const keyStore = createMemoryKeyStore()
 * const network = { chainId: 1337, rpcUrl: 'http://127.0.0.1:8545', registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }
 * const city = await createDidEthr({ keyStore, network })
 * const { identity: rotated } = await changeOwner({ identity: city, keyStore })
 * ```
 */
export async function changeOwner(options: ChangeOwnerOptions): Promise<ChangeOwnerResult> {
  const { identity, keyStore, newKeyId } = options
  const { key, address } = await ethrKey(keyStore, newKeyId)
  const transaction = await sendRegistryTransaction(identity, keyStore, (registry) =>
    registry.changeOwner(address),
  )
  const { did, network } = identity
  return {
    identity: await ethrIdentity({ did, fragment: 'controller', keyStore, key, address, network }),
    transaction,
  }
}
