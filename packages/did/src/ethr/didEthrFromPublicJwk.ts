import { CivitasError, type Did } from '@civitas/core'
import { importPublicJwk, publicKeyToBytes } from '@civitas/crypto'
import { ethereumAddressOf } from '../internal/accountKey.js'
import { checkEthrNetworkId, ethrNetworkId } from '../internal/ethrNetworks.js'
import type { EthrNetwork } from './types.js'

/** Options for {@link didEthrFromPublicJwk}. */
export interface DidEthrFromPublicJwkOptions {
  /** A secp256k1 public key. */
  publicJwk: unknown
  /** The network the DID names: only its `name` and `chainId` count here. */
  network: Pick<EthrNetwork, 'name' | 'chainId'>
}

/**
 * The did:ethr DID of a secp256k1 key's Ethereum address on a network (`did:ethr:<network>:0x…`,
 * no network part on mainnet), computed offline: no RPC endpoint or registry is needed to name a
 * DID, only to resolve or update it. `createDidEthr` makes the same DID with a signer.
 *
 * @throws `ERR_ALGORITHM_UNSUPPORTED` for a key that is not secp256k1; `ERR_INVALID_ARGUMENT` for
 *   a malformed network name or chain id; the codes of `importPublicJwk` (`ERR_JWK_INVALID`, …).
 * @see https://github.com/decentralized-identity/ethr-did-resolver/blob/master/doc/did-method-spec.md
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { didEthrFromPublicJwk } from '@civitas/did/ethr'
 *
 * const key = await createMemoryKeyStore().createKey({ alg: 'ES256K' })
 * const did = didEthrFromPublicJwk({ publicJwk: key.publicJwk, network: { name: 'sepolia', chainId: 11155111 } })
 * console.log(did) // did:ethr:sepolia:0x…
 * ```
 */
export function didEthrFromPublicJwk(options: DidEthrFromPublicJwkOptions): Did {
  const { network } = options
  const publicJwk = importPublicJwk(options.publicJwk)
  if (publicJwk.kty !== 'EC' || publicJwk.crv !== 'secp256k1') {
    throw new CivitasError('ERR_ALGORITHM_UNSUPPORTED', 'did:ethr keys are secp256k1', {
      details: { crv: String(publicJwk.crv).slice(0, 32) },
    })
  }
  checkEthrNetworkId(network)
  const address = ethereumAddressOf(publicKeyToBytes(publicJwk))
  const networkId = ethrNetworkId(network)
  return networkId === 'mainnet' ? `did:ethr:${address}` : `did:ethr:${networkId}:${address}`
}
