// A wallet in a browser: non-extractable WebCrypto keys and credentials in IndexedDB, a did:key
// identity and did:peer identities per relying party (made by createWallet, loaded on first use),
// receive, store and present credentials.

export { createWebCryptoKeyStore } from '@civitas/crypto/webcrypto'
export { createResolver } from '@civitas/did'
export { createDidKey } from '@civitas/did/key'
export { createWallet } from '@civitas/wallet'
export { createIndexedDbCredentialStore } from '@civitas/wallet/indexeddb'
