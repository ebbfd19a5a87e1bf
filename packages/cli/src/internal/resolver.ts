import { createResolver } from '@civitas/did'
import { didEthrResolver } from '@civitas/did/ethr'
import { didWebResolver } from '@civitas/did/web'
import type { Command } from 'commander'
import { usageError } from './failure.js'

/** The options naming the one Ethereum network whose did:ethr DIDs resolve. */
export interface EthrFlags {
  ethrRpcUrl?: string
  ethrRegistry?: string
  ethrChainId?: string
  ethrNetwork?: string
}

/** Adds the `--ethr-*` options that make did:ethr DIDs resolvable to a command. */
export function ethrOptions(command: Command): Command {
  return command
    .option('--ethr-rpc-url <url>', 'resolve did:ethr through this JSON-RPC endpoint (with --ethr-registry)')
    .option('--ethr-registry <address>', 'the ERC-1056 registry of that network')
    .option('--ethr-chain-id <id>', 'the chain id of that network', '1')
    .option('--ethr-network <name>', 'its name in DIDs (default: the chain id in hex)')
}

/** The resolver the commands use: did:key and did:jwk offline, did:web over HTTPS, did:ethr when configured. */
export function cliResolver(flags: EthrFlags = {}) {
  const { ethrRpcUrl, ethrRegistry, ethrChainId = '1', ethrNetwork } = flags
  if ((ethrRpcUrl === undefined) !== (ethrRegistry === undefined)) {
    throw usageError('--ethr-rpc-url and --ethr-registry go together')
  }
  const resolvers = [didWebResolver()]
  if (ethrRpcUrl !== undefined && ethrRegistry !== undefined) {
    const chainId = /^\d{1,20}$/.test(ethrChainId) ? BigInt(ethrChainId) : 0n
    const network = {
      chainId,
      rpcUrl: ethrRpcUrl,
      registry: ethrRegistry,
      ...(ethrNetwork === undefined ? {} : { name: ethrNetwork }),
    }
    resolvers.push(didEthrResolver({ networks: [network] }))
  }
  return createResolver({ resolvers })
}
