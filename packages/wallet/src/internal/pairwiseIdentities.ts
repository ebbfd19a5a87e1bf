import { encodeBase64url, encodeUtf8, type SignatureAlgorithm } from '@civitas/core'
import type { KeyInfo, KeyStore } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { createDidPeer } from '@civitas/did/peer'
import { sha256 } from '@noble/hashes/sha2.js'

const PREFIX = 'pairwise-'

/** The holder identities a wallet makes, one per relying party, kept as keys in its key store. */
export interface PairwiseIdentities {
  /** The relying party's own DID: made on first use, the same one after (across restarts too). */
  identityFor(clientId: string): Promise<Identity>
  /** The public key behind one of these DIDs, or undefined when the DID is not one of them. */
  keyOf(did: string): Promise<KeyInfo | undefined>
}

/**
 * Pairwise did:peer:2 identities: the key of a relying party's identity has the id
 * `pairwise-<base64url SHA-256 of its client id>`, so the key store alone remembers it and no
 * table links relying parties to each other or to the wallet's main DID.
 */
export function createPairwiseIdentities(keyStore: KeyStore, alg: SignatureAlgorithm): PairwiseIdentities {
  const made = new Map<string, Promise<Identity>>()

  async function make(clientId: string): Promise<Identity> {
    const keyId = `${PREFIX}${encodeBase64url(sha256(encodeUtf8(clientId)))}`
    if ((await keyStore.getKey(keyId)) === undefined) {
      await keyStore.createKey({ alg, id: keyId }).catch(async (error) => {
        // Another wallet on the same key store (another tab) made it first: use that one.
        if ((await keyStore.getKey(keyId)) === undefined) throw error
      })
    }
    return createDidPeer({ keyStore, keyId })
  }

  return {
    identityFor(clientId) {
      let identity = made.get(clientId)
      if (identity === undefined) {
        identity = make(clientId)
        made.set(clientId, identity)
        identity.catch(() => made.delete(clientId))
      }
      return identity
    },
    async keyOf(did) {
      if (!did.startsWith('did:peer:2.')) return undefined
      for (const key of await keyStore.listKeys()) {
        if (key.id.startsWith(PREFIX) && (await createDidPeer({ keyStore, keyId: key.id })).did === did)
          return key
      }
      return undefined
    },
  }
}
