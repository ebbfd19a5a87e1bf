import type { Did, DidUrl } from '@civitas/core'
import type { Signer } from '@civitas/crypto'
import type { DIDCache } from 'did-resolver'

/** A party that can sign: its DID, the DID URL of its key, and a signer for that key. */
export interface Identity {
  /** The DID. */
  readonly did: Did
  /** The DID URL of the signing key (`did#fragment`), put in the `kid` of everything it signs. */
  readonly kid: DidUrl
  /** Signs with the key named by `kid`. */
  readonly signer: Signer
}

/** A did-resolver cache that Civitas bounds in size and time. Failed resolutions are never cached. */
export interface ResolutionCache extends DIDCache {
  /** Forgets every cached document. */
  clear(): void
  /** How many documents are cached. */
  readonly size: number
}
