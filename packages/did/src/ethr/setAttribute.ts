import { CivitasError } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { checkEthrAttribute } from '../internal/ethrAttribute.js'
import { sendRegistryTransaction } from '../internal/ethrRegistry.js'
import type { EthrIdentity, EthrTransaction } from './types.js'

/** Options for {@link setAttribute}. */
export interface SetAttributeOptions {
  /** The DID's owner. */
  identity: EthrIdentity
  /** The store that holds the owner's key. */
  keyStore: KeyStore
  /**
   * The attribute's name, at most 32 bytes: `did/svc/<type>` adds a service; `did/pub/<key type>/
   * <veriKey|sigAuth|enc>/<hex|base64|base58>` adds a public key.
   */
  name: string
  /** The value: hex bytes (`0x…`, for keys) or text (a service endpoint, JSON allowed). */
  value: string
  /** How long the attribute lasts, in seconds from the block it is mined in (default 1 year). */
  validitySeconds?: number
}

/**
 * Sets an attribute of a did:ethr DID (the registry's `setAttribute`, sent by the owner): a
 * service endpoint (`#service-N`) or a public key (`#delegate-N`) in the document until it expires
 * or {@link revokeAttribute} removes it.
 *
 * @see https://eips.ethereum.org/EIPS/eip-1056
 * @throws `ERR_DID_UPDATE_FAILED` when the transaction fails or is refused;
 *   `ERR_INVALID_ARGUMENT` for a malformed name, value or validity.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidEthr, setAttribute } from '@civitas/did/ethr'
 *
 * const keyStore = createMemoryKeyStore()
 * const network = { chainId: 1337, rpcUrl: 'http://127.0.0.1:8545', registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }
 * const city = await createDidEthr({ keyStore, network })
 * await setAttribute({ identity: city, keyStore, name: 'did/svc/LinkedDomains', value: 'https://city.example' })
 * ```
 */
export async function setAttribute(options: SetAttributeOptions): Promise<EthrTransaction> {
  const { identity, keyStore, validitySeconds = 365 * 86_400 } = options
  const { name, value } = checkEthrAttribute(options.name, options.value)
  if (!Number.isSafeInteger(validitySeconds) || validitySeconds <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'validitySeconds: expected a positive integer')
  }
  return sendRegistryTransaction(identity, keyStore, (registry) =>
    registry.setAttribute(name, value, validitySeconds),
  )
}
