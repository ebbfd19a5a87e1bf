/** A decentralized identifier such as `did:key:z6Mk…` or `did:web:city.example`. */
export type Did = `did:${string}:${string}`

/** A DID URL naming a resource inside a DID document, e.g. `did:key:z6Mk…#z6Mk…`. */
export type DidUrl = string

/** The signature algorithms Civitas signs and verifies with (JOSE names). */
export type SignatureAlgorithm = 'EdDSA' | 'ES256' | 'ES256K'

/** The key types behind {@link SignatureAlgorithm}s, plus X25519 for key agreement. */
export type KeyType = 'Ed25519' | 'X25519' | 'P-256' | 'secp256k1'

/** A public Octet Key Pair JWK (RFC 8037): Ed25519 signing or X25519 key agreement. */
export interface PublicOkpJwk {
  kty: 'OKP'
  crv: 'Ed25519' | 'X25519'
  x: string
  kid?: string
  alg?: string
  use?: string
  key_ops?: string[]
}

/** A public elliptic-curve JWK (RFC 7518 / RFC 8812): P-256 or secp256k1. */
export interface PublicEcJwk {
  kty: 'EC'
  crv: 'P-256' | 'secp256k1'
  x: string
  y: string
  kid?: string
  alg?: string
  use?: string
  key_ops?: string[]
}

/** A public JWK of a key type Civitas supports. It never carries `d`. */
export type PublicJwk = PublicOkpJwk | PublicEcJwk

/** A private JWK: a {@link PublicJwk} plus its secret scalar `d`. Only key stores export these. */
export type PrivateJwk = PublicJwk & { d: string }

/** A verification method of a DID document (DID Core §5.2). */
export interface VerificationMethod {
  id: DidUrl
  type: string
  controller: string
  publicKeyJwk?: PublicJwk | Record<string, unknown>
  publicKeyMultibase?: string
  publicKeyBase58?: string
  blockchainAccountId?: string
  [extension: string]: unknown
}

/** The verification relationships of DID Core §5.3. */
export type VerificationRelationship =
  | 'authentication'
  | 'assertionMethod'
  | 'keyAgreement'
  | 'capabilityInvocation'
  | 'capabilityDelegation'

/** A service endpoint of a DID document (DID Core §5.4). */
export interface DidService {
  id: string
  type: string | string[]
  serviceEndpoint: unknown
  [extension: string]: unknown
}

/** A DID document (DID Core §4). Relationships hold DID URLs or embedded methods. */
export interface DidDocument {
  '@context'?: string | Array<string | Record<string, unknown>>
  id: string
  alsoKnownAs?: string[]
  controller?: string | string[]
  verificationMethod?: VerificationMethod[]
  authentication?: Array<string | VerificationMethod>
  assertionMethod?: Array<string | VerificationMethod>
  keyAgreement?: Array<string | VerificationMethod>
  capabilityInvocation?: Array<string | VerificationMethod>
  capabilityDelegation?: Array<string | VerificationMethod>
  service?: DidService[]
  [extension: string]: unknown
}

/**
 * A source of the current time in milliseconds since the Unix epoch.
 * Verification never reads the global clock directly: it asks a `Clock`.
 */
export type Clock = () => number

/** Any JSON value, as produced by {@link parseJson}. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue }
