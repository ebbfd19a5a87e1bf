// A browser wallet: keys in memory, a did:key identity, receive, store and present credentials.
export { createMemoryKeyStore } from '@civitas/crypto'
export { createResolver } from '@civitas/did'
export { createDidKey } from '@civitas/did/key'
export { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
