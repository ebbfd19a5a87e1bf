// A wallet in a browser: non-extractable WebCrypto keys and credentials in IndexedDB, a did:key
// identity and did:peer identities per relying party, receive, store and present credentials.

export { createWebCryptoKeyStore } from '@civitas/crypto/webcrypto'
export { createResolver } from '@civitas/did'
export { createDidKey } from '@civitas/did/key'
export { createDidPeer, didPeerResolver } from '@civitas/did/peer'
export { createWallet } from '@civitas/wallet'
export { createIndexedDbCredentialStore } from '@civitas/wallet/indexeddb'
