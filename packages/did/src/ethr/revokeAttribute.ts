import type { KeyStore } from '@civitas/crypto'
import { checkEthrAttribute } from '../internal/ethrAttribute.js'
import { sendRegistryTransaction } from '../internal/ethrRegistry.js'
import type { EthrIdentity, EthrTransaction } from './types.js'

/** Options for {@link revokeAttribute}. */
export interface RevokeAttributeOptions {
  /** The DID's owner. */
  identity: EthrIdentity
  /** The store that holds the owner's key. */
  keyStore: KeyStore
  /** The attribute's name, as it was set. */
  name: string
  /** The attribute's value, as it was set. */
  value: string
}

/**
 * Revokes an attribute of a did:ethr DID (the registry's `revokeAttribute`, sent by the owner):
 * the service or key it added leaves the document from the block it is mined in.
 *
 * @see https://eips.ethereum.org/EIPS/eip-1056
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails or is refused;
 *   `ERR_INVALID_ARGUMENT` for a malformed name or value.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidEthr, revokeAttribute, setAttribute } from '@civitas/did/ethr'
 *
 * const keyStore = createMemoryKeyStore()
 * const network = { chainId: 1337, rpcUrl: 'http://127.0.0.1:8545', registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }
 * const city = await createDidEthr({ keyStore, network })
 * const service = { name: 'did/svc/LinkedDomains', value: 'https://city.example' }
 * await setAttribute({ identity: city, keyStore, ...service })
 * await revokeAttribute({ identity: city, keyStore, ...service })
 * ```
 */
export async function revokeAttribute(options: RevokeAttributeOptions): Promise<EthrTransaction> {
  const { identity, keyStore } = options
  const { name, value } = checkEthrAttribute(options.name, options.value)
  return sendRegistryTransaction(identity, keyStore, (registry) => registry.revokeAttribute(name, value))
}
