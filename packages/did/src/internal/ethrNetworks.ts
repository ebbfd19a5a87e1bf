import { CivitasError } from '@civitas/core'
import { FetchRequest, JsonRpcProvider, Network } from 'ethers'
import type { EthrNetwork } from '../ethr/types.js'

/** A configured network and its JSON-RPC provider. */
export interface ConfiguredNetwork {
  readonly network: EthrNetwork
  readonly chainId: bigint
  readonly provider: JsonRpcProvider
}

const REGISTRY = /^0x[0-9a-fA-F]{40}$/
const NAME = /^[a-z0-9]{1,32}(:[a-z0-9]{1,32})?$/

/** The network part of a DID on `network`: its name, else the chain id in hex; none for mainnet. */
export function ethrNetworkId(network: Pick<EthrNetwork, 'name' | 'chainId'>): string {
  return network.name ?? `0x${BigInt(network.chainId).toString(16)}`
}

/**
 * Checks a network's configuration.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a malformed name, chain id, RPC URL or registry address.
 */
export function checkEthrNetwork(network: EthrNetwork): { chainId: bigint; url: string } {
  const id = checkEthrNetworkId(network)
  const { rpcUrl, registry } = network
  if (typeof registry !== 'string' || !REGISTRY.test(registry)) invalid('registry: expected a 0x address')
  let url: URL
  try {
    url = new URL(rpcUrl)
  } catch {
    invalid('rpcUrl: expected an http(s) URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('rpcUrl: expected an http(s) URL')
  return { chainId: id, url: url.href }
}

/**
 * Checks the part of a network's configuration that names it in DIDs: the name and the chain id.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a malformed name or chain id.
 */
export function checkEthrNetworkId(network: Pick<EthrNetwork, 'name' | 'chainId'>): bigint {
  if (typeof network !== 'object' || network === null) invalid('a network must be an object')
  const { name, chainId } = network
  if (name !== undefined && (typeof name !== 'string' || !NAME.test(name)))
    invalid('name: expected a-z0-9 (max 32)')
  let id: bigint
  try {
    id = BigInt(chainId)
  } catch {
    invalid('chainId: expected an integer')
  }
  if (id <= 0n || id >= 2n ** 64n) invalid('chainId: expected a positive integer below 2^64')
  return id
}

/**
 * Connects a provider to a checked network: a fixed chain id (no probing of the node at start-up),
 * no request batching, and a timeout on every request.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a malformed network.
 */
export function configureEthrNetwork(network: EthrNetwork, timeoutMs: number): ConfiguredNetwork {
  const { chainId, url } = checkEthrNetwork(network)
  const request = new FetchRequest(url)
  request.timeout = timeoutMs
  const staticNetwork = Network.from(chainId)
  const provider = new JsonRpcProvider(request, staticNetwork, { staticNetwork, batchMaxCount: 1 })
  return { network, chainId, provider }
}

function invalid(message: string): never {
  throw new CivitasError('ERR_INVALID_ARGUMENT', `did:ethr network: ${message}`)
}
