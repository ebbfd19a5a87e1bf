import { CivitasError } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { Resolver } from 'did-resolver'
import { accountAddress } from '../internal/accountAddress.js'
import { ethrIdentity, ethrKey } from '../internal/ethrKey.js'
import { sendRegistryTransaction } from '../internal/ethrRegistry.js'
import { resolveDidDocument } from '../resolveDidDocument.js'
import { didEthrResolver } from './didEthrResolver.js'
import type { EthrDelegateType, EthrIdentity, EthrTransaction } from './types.js'

/** Options for {@link addDelegate}. */
export interface AddDelegateOptions {
  /** The DID's owner. */
  identity: EthrIdentity
  /** The store that holds the owner's key and the delegate's. */
  keyStore: KeyStore
  /** `veriKey` (default): the delegate signs credentials; `sigAuth`: it also authenticates. */
  delegateType?: EthrDelegateType
  /** How long the delegation lasts, in seconds from the block it is mined in (default 1 year). */
  validitySeconds?: number
  /** The delegate's existing ES256K key; by default a new key is created in the store. */
  delegateKeyId?: string
}

/** What {@link addDelegate} returns. */
export interface AddDelegateResult {
  /** The delegate: the owner's DID, signing with the delegate's key as `#delegate-N`. */
  identity: EthrIdentity
  /** The mined `addDelegate` transaction. */
  transaction: EthrTransaction
}

/**
 * Adds a delegate signer to a did:ethr DID (the registry's `addDelegate`, sent by the owner): a
 * key that signs for the DID, listed under `assertionMethod` (and `authentication` for `sigAuth`)
 * until `validitySeconds` pass or {@link revokeDelegate} removes it.
 *
 * @see https://eips.ethereum.org/EIPS/eip-1056
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails or the delegate does not appear in
 *   the DID document; `ERR_INVALID_ARGUMENT` for a bad `delegateType` or `validitySeconds`;
 *   `ERR_KEY_NOT_FOUND`, `ERR_ALGORITHM_UNSUPPORTED` for `delegateKeyId`.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { addDelegate, createDidEthr } from '@civitas/did/ethr'
 *
 * const keyStore = createMemoryKeyStore()
 * const network = { chainId: 1337, rpcUrl: 'http://127.0.0.1:8545', registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }
 * const city = await createDidEthr({ keyStore, network })
 * const { identity: office } = await addDelegate({ identity: city, keyStore, validitySeconds: 86_400 })
 * console.log(office.kid) // did:ethr:0x539:0x…#delegate-1
 * ```
 */
export async function addDelegate(options: AddDelegateOptions): Promise<AddDelegateResult> {
  const {
    identity,
    keyStore,
    delegateType = 'veriKey',
    validitySeconds = 365 * 86_400,
    delegateKeyId,
  } = options
  if (delegateType !== 'veriKey' && delegateType !== 'sigAuth') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'delegateType: expected veriKey or sigAuth')
  }
  if (!Number.isSafeInteger(validitySeconds) || validitySeconds <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'validitySeconds: expected a positive integer')
  }
  const { key, address } = await ethrKey(keyStore, delegateKeyId)
  const transaction = await sendRegistryTransaction(identity, keyStore, (registry) =>
    registry.addDelegate(delegateType, address, validitySeconds),
  )
  const { did, network } = identity
  const fragment = await delegateFragment(identity, address, transaction.blockNumber)
  return { identity: await ethrIdentity({ did, fragment, keyStore, key, address, network }), transaction }
}

// The registry numbers delegates by their place in the DID's history: read it back from the
// document as of the block the delegation was mined in.
async function delegateFragment(identity: EthrIdentity, address: string, block: number): Promise<string> {
  const resolver = new Resolver(didEthrResolver({ networks: [identity.network] }))
  const document = await resolveDidDocument(resolver, `${identity.did}?versionId=${block}`)
  const method = document.verificationMethod?.find(
    (entry) => accountAddress(entry) === address && entry.id.includes('#delegate-'),
  )
  if (method === undefined) {
    throw new CivitasError(
      'ERR_DID_UPDATE_FAILED',
      `the delegate ${address} is not in the document of ${identity.did}`,
    )
  }
  return method.id.slice(method.id.indexOf('#') + 1)
}
