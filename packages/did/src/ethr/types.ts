import type { Identity } from '../types.js'

/** An Ethereum network with an ERC-1056 registry, as did:ethr resolution and updates reach it. */
export interface EthrNetwork {
  /** The name used in DIDs (`did:ethr:<name>:0x…`); by default the chain id in hex (`0x539`). */
  readonly name?: string
  /** The chain id (1 for Ethereum mainnet, 11155111 for Sepolia). */
  readonly chainId: number | bigint
  /** The JSON-RPC endpoint (`http(s)://`). */
  readonly rpcUrl: string
  /** The address of the ERC-1056 `EthereumDIDRegistry` contract. */
  readonly registry: string
}

/**
 * A did:ethr identity whose signing key lives in a Civitas key store: usable as the `issuer` or
 * `holder` of credentials, and by the registry operations (`changeOwner`, `addDelegate`, …).
 */
export interface EthrIdentity extends Identity {
  /** The id, in the key store, of the key that signs: the owner's, or a delegate's. */
  readonly keyId: string
  /** The Ethereum address of that key (lower case). */
  readonly address: string
  /** The network the DID lives on. */
  readonly network: EthrNetwork
}

/** A registry transaction that was mined. */
export interface EthrTransaction {
  /** The transaction hash. */
  readonly transactionHash: string
  /** The block it was mined in (the DID's new `versionId`). */
  readonly blockNumber: number
}

/** The kinds of ERC-1056 delegates: `veriKey` signs credentials; `sigAuth` also authenticates. */
export type EthrDelegateType = 'veriKey' | 'sigAuth'
