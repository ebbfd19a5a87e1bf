import { CivitasError } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { sendRegistryTransaction } from '../internal/ethrRegistry.js'
import type { EthrDelegateType, EthrIdentity, EthrTransaction } from './types.js'

/** Options for {@link revokeDelegate}. */
export interface RevokeDelegateOptions {
  /** The DID's owner. */
  identity: EthrIdentity
  /** The store that holds the owner's key. */
  keyStore: KeyStore
  /** The delegate: its identity (as `addDelegate` returned it) or its Ethereum address. */
  delegate: EthrIdentity | string
  /** The type it was added with (default `veriKey`). */
  delegateType?: EthrDelegateType
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/

/**
 * Revokes a delegate of a did:ethr DID (the registry's `revokeDelegate`, sent by the owner): from
 * the block it is mined in, the delegate's method leaves the document and its signatures no longer
 * verify for the current document.
 *
 * @see https://eips.ethereum.org/EIPS/eip-1056
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails or is refused;
 *   `ERR_INVALID_ARGUMENT` for a malformed delegate or type.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { addDelegate, createDidEthr, revokeDelegate } from '@civitas/did/ethr'
 *
 * const keyStore = createMemoryKeyStore()
 * const network = { chainId: 1337, rpcUrl: 'http://127.0.0.1:8545', registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }
 * const city = await createDidEthr({ keyStore, network })
 * const { identity: office } = await addDelegate({ identity: city, keyStore })
 * await revokeDelegate({ identity: city, keyStore, delegate: office })
 * ```
 */
export async function revokeDelegate(options: RevokeDelegateOptions): Promise<EthrTransaction> {
  const { identity, keyStore, delegate, delegateType = 'veriKey' } = options
  const address = typeof delegate === 'string' ? delegate : delegate?.address
  if (typeof address !== 'string' || !ADDRESS.test(address)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'delegate: expected an identity or a 0x address')
  }
  if (delegateType !== 'veriKey' && delegateType !== 'sigAuth') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'delegateType: expected veriKey or sigAuth')
  }
  return sendRegistryTransaction(identity, keyStore, (registry) =>
    registry.revokeDelegate(delegateType, address),
  )
}
