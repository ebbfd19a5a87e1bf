import { CivitasError } from '@civitas/core'
import type { DIDResolver, ParsedDID, ResolverRegistry } from 'did-resolver'
import { getResolver } from 'ethr-did-resolver'
import { cappedProvider } from '../internal/cappedProvider.js'
import { type ConfiguredNetwork, configureEthrNetwork, ethrNetworkId } from '../internal/ethrNetworks.js'
import { blockAtTime, ethrVersion } from '../internal/ethrVersion.js'
import { resolutionError } from '../internal/resolutionError.js'
import type { EthrNetwork } from './types.js'

/** Options for {@link didEthrResolver}. */
export interface DidEthrResolverOptions {
  /** The networks whose DIDs resolve; a DID names its network by `name` or by hex chain id. */
  networks: readonly EthrNetwork[]
  /** Most registry events read for one DID before resolution fails (default 256). */
  maxEvents?: number
  /** Timeout of each JSON-RPC request, in milliseconds (default 10,000). */
  timeoutMs?: number
}

const IDENTIFIER = /^(?:([a-z0-9]{1,32}(?::[a-z0-9]{1,32})?):)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})$/

/**
 * The did:ethr method for `createResolver` or any did-resolver `Resolver`: reads an ERC-1056
 * registry with `ethr-did-resolver` (owner changes, delegates, attributes; owner `0x0` is
 * deactivated; delegates count while `validTo` is in the future). A DID URL selects a past version
 * with `?versionId=<block number>` or `?versionTime=<UTC datetime>` (the last block mined at or
 * before that time). At most `maxEvents` events are read per DID (`tooManyEvents` beyond);
 * unconfigured networks resolve to `unknownNetwork`, malformed versions to `invalidDidUrl`, and
 * registry or RPC failures to `notFound`.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a malformed network, `maxEvents` or `timeoutMs`.
 * @see https://github.com/decentralized-identity/ethr-did-resolver/blob/master/doc/did-method-spec.md
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { didEthrResolver } from '@civitas/did/ethr'
 *
 * const resolver = createResolver({
 *   resolvers: [
 *     didEthrResolver({
 *       networks: [
 *         { name: 'sepolia', chainId: 11155111, rpcUrl: 'https://sepolia.example.org', registry: '0x03d5003bf0e79c5f5223588f347eba39afbc3818' },
 *       ],
 *     }),
 *   ],
 * })
 * ```
 */
export function didEthrResolver(options: DidEthrResolverOptions): ResolverRegistry {
  const { networks, maxEvents = 256, timeoutMs = 10_000 } = options ?? ({} as DidEthrResolverOptions)
  for (const [name, value] of [
    ['maxEvents', maxEvents],
    ['timeoutMs', timeoutMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a positive integer`)
    }
  }
  if (!Array.isArray(networks) || networks.length === 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'networks: expected at least one network')
  }
  const byId = new Map<string, ConfiguredNetwork>()
  for (const network of networks) {
    const configured = configureEthrNetwork(network, timeoutMs)
    byId.set(`0x${configured.chainId.toString(16)}`, configured)
    if (configured.chainId === 1n) byId.set('mainnet', configured)
    byId.set(ethrNetworkId(network), configured)
  }

  const ethr: DIDResolver = async (did, parsed, resolver, resolutionOptions) => {
    const match = IDENTIFIER.exec(parsed.id)
    if (match === null)
      return resolutionError('invalidDid', `not a did:ethr identifier: ${did.slice(0, 120)}`)
    const networkId = match[1] ?? 'mainnet'
    const configured = byId.get(networkId)
    if (configured === undefined) {
      return resolutionError('unknownNetwork', `no network ${networkId} is configured for did:ethr`)
    }
    const version = ethrVersion(parsed.query)
    if (version === undefined) {
      return resolutionError('invalidDidUrl', 'expected one versionId (a block number) or versionTime (UTC)')
    }
    const capped = cappedProvider(configured.provider, maxEvents)
    let query: string | undefined
    try {
      if ('versionId' in version) query = `versionId=${version.versionId}`
      if ('versionTime' in version)
        query = `versionId=${await blockAtTime(configured.provider, version.versionTime)}`
    } catch (error) {
      return resolutionError(
        'notFound',
        `cannot read the chain: ${String((error as Error)?.message).slice(0, 200)}`,
      )
    }
    const registry = getResolver({
      // ethr-did-resolver loads the CommonJS build of ethers; the provider is used by its interface only.
      networks: [
        { name: networkId, registry: configured.network.registry, provider: capped.provider as never },
      ],
    })
    const inner = registry.ethr as unknown as DIDResolver
    const result = await inner(did, { ...parsed, query } as ParsedDID, resolver, resolutionOptions)
    if (capped.exceeded) {
      return resolutionError(
        'tooManyEvents',
        `${did.slice(0, 120)} has more than ${maxEvents} registry events`,
      )
    }
    return result
  }
  return { ethr }
}
