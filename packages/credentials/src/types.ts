import type { CivitasErrorCode, JsonObject, JsonValue, PublicJwk } from '@civitas/core'
import type { DecodedJws } from '@civitas/crypto'
import type { Resolvable } from '@civitas/did'
import type { TimeOptions } from './internal/timeOptions.js'

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

/** One disclosure of an SD-JWT, decoded. */
export interface Disclosure {
  /** The disclosure as it appeared in the token (base64url); its digest is over this text. */
  encoded: string
  salt: string
  /** The claim name; absent for an array element. */
  name?: string
  value: JsonValue
  /** base64url SHA-256 of `encoded`. */
  digest: string
}

/** Options for {@link decodeSdJwt}. */
export interface DecodeSdJwtOptions {
  /** Longest token accepted, in characters (default {@link DEFAULT_SD_JWT_MAX_LENGTH}). */
  maxLength?: number
}

/** An SD-JWT split and parsed, not verified. */
export interface DecodedSdJwt {
  /** The issuer-signed JWT. */
  jwt: DecodedJws
  /** The disclosures, in the order they appeared. */
  disclosures: Disclosure[]
  /** The key-binding JWT, when the token ends with one. */
  keyBinding?: DecodedJws
  /** `<JWT>~<D1>~…~`: the token without its key-binding JWT, what `sd_hash` covers. */
  sdJwt: string
}

/** Options for {@link verifyPresentation}. */
export interface VerifyPresentationOptions extends TimeOptions {
  /** Resolves the holder's and the issuers' DIDs. */
  resolver: Resolvable
  /** The audience this verifier answers to; a presentation with another (or with one when none is expected) fails. */
  audience?: string
  /** The nonce this verifier issued; required to match when given. */
  nonce?: string
  /** Accept only this encoding for the presentation. */
  format?: CredentialFormat
  /** The oldest presentation accepted, by `iat`, in milliseconds (default 5 minutes). */
  maxAgeMs?: number
  /**
   * Accept embedded credentials whose subject is not the presenter (bearer credentials): this relaxes
   * only the `holder` check, that each credential's subject is the presentation's signer. The
   * presentation itself is still verified in full (the holder's signature, audience, nonce,
   * freshness), so it never makes a bare credential, or an SD-JWT without its key-binding JWT,
   * acceptable. Off by default; it has no effect on an SD-JWT presentation, bound by its `cnf` key.
   */
  allowBearer?: boolean
  /** JSON Schemas by id for the embedded credentials. */
  schemas?: VerifyCredentialOptions['schemas']
  /** Longest token accepted (default {@link DEFAULT_PRESENTATION_MAX_LENGTH}). */
  maxLength?: number
  /** Called once per check of the presentation. */
  onCheck?: OnCheck
  /** Called once per check of each embedded credential. */
  onCredentialCheck?: (index: number, ...check: Parameters<OnCheck>) => void
  /** Accept SD-JWT VCs typed with the older `vc+sd-jwt` as well as `dc+sd-jwt`. Off by default. */
  legacySdJwtTyp?: boolean
}

/** Options for {@link verifyCredential}. */
export interface VerifyCredentialOptions extends TimeOptions {
  /** Resolves the issuer's DID. */
  resolver: Resolvable
  /** Accept only this encoding. */
  format?: CredentialFormat
  /** JSON Schemas by id, in addition to the built-in templates' schemas. */
  schemas?: Readonly<Record<string, JsonObject>>
  /** Longest token accepted (default {@link DEFAULT_CREDENTIAL_MAX_LENGTH}). */
  maxLength?: number
  /** Called once per check. */
  onCheck?: OnCheck
  /** Accept SD-JWT VCs typed with the older `vc+sd-jwt` as well as `dc+sd-jwt`. Off by default. */
  legacySdJwtTyp?: boolean
}
