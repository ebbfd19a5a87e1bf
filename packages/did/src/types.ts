import type { Did, DidUrl } from '@civitas/core'
import type { Signer } from '@civitas/crypto'
import type { DIDCache, DIDResolutionResult } from 'did-resolver'

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
  /**
   * The fresh cached result for a DID exactly as it was cached (a DID, or a DID with its version
   * query), else `undefined`. A resolver made by `createResolver` answers such hits without
   * parsing the URL first.
   */
  peek?(did: string): DIDResolutionResult | undefined
  /** Forgets every cached document. */
  clear(): void
  /** How many documents are cached. */
  readonly size: number
}

/**
 * What a signature covers, for verification methods that name a blockchain account instead of a
 * key (did:ethr's `EcdsaSecp256k1RecoveryMethod2020`): the key is recovered from the signature.
 */
export interface SignedBytes {
  /** The JOSE algorithm of the signature; only `ES256K` recovers a key. */
  readonly alg: string
  /** The signed bytes (a JWS signing input). */
  readonly data: Uint8Array
  /** The raw signature (R‖S, 64 bytes). */
  readonly signature: Uint8Array
}
