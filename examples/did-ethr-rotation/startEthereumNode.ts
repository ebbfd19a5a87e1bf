import type { EthrNetwork } from '@civitas/did/ethr'
import { ContractFactory, JsonRpcProvider, parseEther, toBeHex } from 'ethers'
import registryPackage from 'ethr-did-registry'
import ganache from 'ganache'

/** A local Ethereum node (ganache, in process) with the ERC-1056 registry deployed. */
export interface EthereumNode {
  /** The network to give did:ethr: chain 1337, the node's loopback URL, the registry's address. */
  network: EthrNetwork
  /** A provider connected to the node. */
  provider: JsonRpcProvider
  /** Gives an address 10 ETH, for gas. */
  fund(address: string): Promise<void>
  /** Moves the chain's clock forward and mines a block. */
  advanceTime(seconds: number): Promise<void>
  /** Stops the node. */
  close(): Promise<void>
}

/**
 * Starts ganache on 127.0.0.1, on a port the system picks, and deploys the `EthereumDIDRegistry`
 * of the `ethr-did-registry` package (its compiled bytecode and ABI) from the node's first account.
 */
export async function startEthereumNode(): Promise<EthereumNode> {
  const chainId = 1337
  const server = ganache.server({
    logging: { quiet: true },
    chain: { chainId },
    wallet: { totalAccounts: 1, deterministic: true },
  })
  await server.listen(0, '127.0.0.1')
  const { port } = server.address()
  const rpcUrl = `http://127.0.0.1:${port}`
  const provider = new JsonRpcProvider(rpcUrl, chainId, { staticNetwork: true, batchMaxCount: 1 })
  const { abi, bytecode } = registryPackage.EthereumDIDRegistry
  const deployer = await provider.getSigner(0)
  const contract = await new ContractFactory(abi, bytecode, deployer).deploy()
  await contract.waitForDeployment()
  const registry = (await contract.getAddress()).toLowerCase()
  return {
    network: { chainId, rpcUrl, registry },
    provider,
    async fund(address) {
      await provider.send('evm_setAccountBalance', [address, toBeHex(parseEther('10'))])
    },
    async advanceTime(seconds) {
      await provider.send('evm_increaseTime', [seconds])
      await provider.send('evm_mine', [])
    },
    async close() {
      provider.destroy()
      await server.close()
    },
  }
}
