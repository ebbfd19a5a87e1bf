import type { KeyStore } from '@civitas/crypto'
import { ethrIdentity, ethrKey } from '../internal/ethrKey.js'
import { checkEthrNetwork } from '../internal/ethrNetworks.js'
import { didEthrFromPublicJwk } from './didEthrFromPublicJwk.js'
import type { EthrIdentity, EthrNetwork } from './types.js'

/** Options for {@link createDidEthr}. */
export interface CreateDidEthrOptions {
  /** The key store that holds (or will hold) the secp256k1 key. */
  keyStore: KeyStore
  /** The network the DID lives on. */
  network: EthrNetwork
  /** Use this existing ES256K key instead of creating one. */
  keyId?: string
}

/**
 * Creates a did:ethr identity: a secp256k1 key in the store (or an existing one by `keyId`), the
 * DID of its Ethereum address on `network` (`did:ethr:<network>:0x…`), and a signer whose `kid`
 * is `#controller`. Creating costs no transaction: until the registry records a change, the DID's
 * owner is its own address.
 *
 * @throws `ERR_KEY_NOT_FOUND` for an unknown `keyId`; `ERR_ALGORITHM_UNSUPPORTED` for a key that
 *   is not ES256K; `ERR_INVALID_ARGUMENT` for a malformed network; the key store's codes.
 * @see https://github.com/decentralized-identity/ethr-did-resolver/blob/master/doc/did-method-spec.md
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidEthr } from '@civitas/did/ethr'
 *
 * const city = await createDidEthr({
 *   keyStore: createMemoryKeyStore(),
 *   network: { name: 'sepolia', chainId: 11155111, rpcUrl: 'https://sepolia.example.org', registry: '0x03d5003bf0e79c5f5223588f347eba39afbc3818' },
 * })
 * console.log(city.did) // did:ethr:sepolia:0x…
 * ```
 */
export async function createDidEthr(options: CreateDidEthrOptions): Promise<EthrIdentity> {
  const { keyStore, network, keyId } = options
  checkEthrNetwork(network)
  const { key, address } = await ethrKey(keyStore, keyId)
  const did = didEthrFromPublicJwk({ publicJwk: key.publicJwk, network })
  return ethrIdentity({ did, fragment: 'controller', keyStore, key, address, network })
}
