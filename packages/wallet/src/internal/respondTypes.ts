import type { JsonObject } from '@civitas/core'
import type { FetchLike } from '@civitas/sign-in'
import type { CredentialRecord } from '../types.js'

/** A stored credential that answers a credential query of a sign-in request. */
export interface SignInMatch {
  record: CredentialRecord
  /** The credential in VC data-model form, re-verified just now. */
  credential: JsonObject
  format: string
  types: readonly string[]
}

/** What the person is asked to approve. */
export interface SignInApproval {
  /** The relying party's full client id. */
  clientId: string
  /**
   * The DID the relying party will see: its pairwise DID when credentials issued to that DID answer
   * the request, else the wallet's main DID (which other relying parties may know too).
   */
  holder: string
  /** Its DID, for `decentralized_identifier:` client ids (a wallet can show who asks). */
  clientDid?: string
  /** The credentials that could answer each credential query, newest last. */
  matches: Record<string, SignInMatch[]>
}

/** Options for `Wallet.respond`. */
export interface RespondOptions {
  /**
   * Decides what is shared: `false` declines, `true` shares the first match of each query, or
   * record ids by query id.
   */
  approve(
    request: SignInApproval,
  ): boolean | Record<string, string[]> | Promise<boolean | Record<string, string[]>>
  fetch?: FetchLike
  /** Accept plain `http:` on loopback addresses (development only). */
  allowLoopbackHttp?: boolean
}

/** What `Wallet.respond` did. */
export interface RespondResult {
  clientId: string
  /** The DID that answered (or would have). */
  holder: string
  /** Record ids shared, by query id. */
  shared: Record<string, string[]>
  declined: boolean
  /**
   * Where the relying party asks the wallet to send the person's browser next (its `redirect_uri`,
   * same-device flow): a wallet app opens it; absent when the relying party named none.
   */
  redirectUri?: string
}
