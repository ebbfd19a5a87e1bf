import type { VerificationMethod } from '@civitas/core'

// CAIP-10 account ids of Ethereum-compatible chains, as did:ethr writes them.
const EIP155_ACCOUNT = /^eip155:[0-9]{1,20}:(0x[0-9a-fA-F]{40})$/
const ADDRESS = /^0x[0-9a-fA-F]{40}$/
/** The Ethereum address (lower case) a verification method names instead of a key, if any. */
export function accountAddress(method: VerificationMethod): string | undefined {
  const { blockchainAccountId, ethereumAddress } = method as {
    blockchainAccountId?: unknown
    ethereumAddress?: unknown
  }
  if (typeof blockchainAccountId === 'string')
    return EIP155_ACCOUNT.exec(blockchainAccountId)?.[1]?.toLowerCase()
  if (typeof ethereumAddress === 'string' && ADDRESS.test(ethereumAddress))
    return ethereumAddress.toLowerCase()
  return undefined
}
