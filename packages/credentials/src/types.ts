import type { CivitasErrorCode, JsonObject, PublicJwk } from '@civitas/core'

/** The encodings Civitas issues and verifies: two JWT encodings and SD-JWT VC. */
export type CredentialFormat = 'vc+jwt' | 'jwt_vc_json' | 'dc+sd-jwt'

/**
 * Where a claim sits in a credential: a dotted string (`address.locality`, `nationalities.0`) or
 * an array of segments (`['address', 'locality']`, `['nationalities', 0]`), as DCQL writes paths.
 * A number (or a decimal string) selects an array element.
 */
export type ClaimPath = string | readonly (string | number)[]

/** The checks verification runs, in order; reports and errors (`details.check`) name them. */
export type CheckName =
  | 'parse'
  | 'algorithm'
  | 'issuer'
  | 'signature'
  | 'disclosures'
  | 'validity'
  | 'schema'
  | 'credentials'
  | 'holder'
  | 'audience'
  | 'nonce'
  | 'freshness'
  | 'keyBinding'

/** Called once per check as verification runs, so a verifier can report every step. */
export type OnCheck = (name: CheckName, ok: boolean, code?: CivitasErrorCode) => void

/** A credential whose signature, issuer key, validity period and schema have been verified. */
export interface VerifiedCredential {
  format: CredentialFormat
  /**
   * The credential in VC data-model form (a `jwt_vc_json` token's `vc` with its JWT claims folded
   * in); for `dc+sd-jwt`, the processed payload: the claims always visible plus those disclosed.
   */
  credential: JsonObject
  /** The issuer's DID. */
  issuer: string
  /** The subject's id (usually the holder's DID), when the credential names one. */
  subject?: string
  /** The credential's types, `VerifiableCredential` first. */
  types: string[]
  /** The credential's id (`id` or `jti`), when it has one. */
  id?: string
  /** When the data becomes valid, in milliseconds since the epoch. */
  validFrom?: number
  /** When the data stops being valid, in milliseconds since the epoch. */
  validUntil?: number
  /** The schema check: `valid` against a known schema, `unknown` when the schema id is not known. */
  schema: 'valid' | 'unknown' | 'none'
  /** The DID URL of the key that signed. */
  kid: string
  /** The token as received. */
  token: string
  /** The holder's key the issuer bound the credential to (`cnf.jwk` of an SD-JWT VC). */
  holderKey?: PublicJwk
}

/** A presentation whose signature, holder key, audience, nonce, freshness and credentials have been verified. */
export interface VerifiedPresentation {
  format: CredentialFormat
  /** The holder's DID: the presentation's signer. */
  holder: string
  /** Every embedded credential, each verified in full. */
  credentials: VerifiedCredential[]
  audience?: string[]
  nonce?: string
  /** When the presentation was made, in milliseconds since the epoch. */
  issuedAt: number
  token: string
}

/** A status purpose a credential can carry an entry for. */
export type CredentialStatusPurpose = 'revocation' | 'suspension'

/**
 * Where {@link issueCredential} gets status entries: a `StatusRegistry` from `@civitas/status-list`
 * (or anything that allocates alike) and the URL each list is published at. The publisher from
 * `createStatusListPublisher` is one.
 */
export interface CredentialStatusOptions {
  /** Allocates a random unused index in an open list of the purpose. */
  registry: {
    allocate(options: {
      purpose: CredentialStatusPurpose
      credentialId?: string
      statusSize?: 1 | 2 | 4 | 8
    }): Promise<{ listId: string; index: number }>
  }
  /** The URL of the status list (credential or token) for a list id. */
  listUrl(listId: string): string
  /** The entries to allocate (default `['revocation']`); W3C lists only. */
  purposes?: readonly CredentialStatusPurpose[]
  /**
   * What is published at `listUrl`: W3C status list credentials (`vc+jwt` or `jwt_vc_json`, the
   * default), named by `credentialStatus` entries of `vc+jwt` and `jwt_vc_json` credentials; or
   * `statuslist+jwt` tokens, named by the `status.status_list` claim of `dc+sd-jwt` credentials.
   */
  listFormat?: 'vc+jwt' | 'jwt_vc_json' | 'statuslist+jwt'
}
