import type { JsonObject, PrivateJwk, PublicJwk, SignatureAlgorithm } from '@civitas/core'

/**
 * Signs bytes with one key. Low-level functions take a `Signer`, never a whole key
 * store, so they hold exactly the authority they need.
 */
export interface Signer {
  /** The JOSE algorithm this signer produces. */
  readonly alg: SignatureAlgorithm
  /** The DID URL (or other key id) that verifiers use to find the public key. */
  readonly kid?: string
  /** Signs `data` and returns the raw JOSE signature (R‖S for ECDSA, 64 bytes for EdDSA). */
  sign(data: Uint8Array): Promise<Uint8Array>
}

/** What a key store tells about one of its keys. Never private material. */
export interface KeyInfo {
  /** The key's id inside its store. */
  readonly id: string
  /** The algorithm the key signs with. */
  readonly alg: SignatureAlgorithm
  /** The public half, as a JWK. */
  readonly publicJwk: PublicJwk
}

/** Options for {@link KeyStore.createKey}. */
export interface CreateKeyOptions {
  /** The algorithm of the new key; must be one of the store's `algorithms`. */
  alg: SignatureAlgorithm
  /** The id to give the key; by default its RFC 7638 JWK thumbprint. */
  id?: string
}

/** Options for {@link KeyStore.importKey}. */
export interface ImportKeyOptions {
  /** The private JWK to import. */
  privateJwk: PrivateJwk
  /** The id to give the key; by default its RFC 7638 JWK thumbprint. */
  id?: string
}

/**
 * Holds private keys and signs with them by key id. A store declares the algorithms it
 * supports and never hands a private key out, except through the explicit
 * {@link KeyStore.exportPrivateKey}.
 */
export interface KeyStore {
  /** The algorithms this store can create, import and sign with. */
  readonly algorithms: readonly SignatureAlgorithm[]
  /** Creates a new key. Throws `ERR_KEY_EXISTS` if the id is taken, `ERR_ALGORITHM_UNSUPPORTED` for other algorithms. */
  createKey(options: CreateKeyOptions): Promise<KeyInfo>
  /** Imports a private key. Throws `ERR_KEY_EXISTS` if the id is taken, `ERR_JWK_INVALID` for a bad key. */
  importKey(options: ImportKeyOptions): Promise<KeyInfo>
  /** The key's public information, or `undefined` when there is no such key. */
  getKey(id: string): Promise<KeyInfo | undefined>
  /** Every key in the store, in creation order. */
  listKeys(): Promise<KeyInfo[]>
  /** Signs with the key. Throws `ERR_KEY_NOT_FOUND` for an unknown id. */
  sign(id: string, data: Uint8Array): Promise<Uint8Array>
  /** Deletes the key; `true` if it existed. */
  deleteKey(id: string): Promise<boolean>
  /** Exports the private key. Only call this to back a key up or move it. */
  exportPrivateKey(id: string): Promise<PrivateJwk>
}

/** A compact JWS split and parsed, not yet verified; `P` is the payload's type (a JSON object by default). */
export interface DecodedJws<P extends JsonObject | Uint8Array = JsonObject> {
  /** The protected header; `alg` is always a string. */
  readonly header: JsonObject & { alg: string }
  /** The payload: a JSON object, or its raw bytes when decoded with `payload: 'bytes'`. */
  readonly payload: P
  /** The raw signature bytes. */
  readonly signature: Uint8Array
  /** `ASCII(BASE64URL(header) || '.' || BASE64URL(payload))`, the bytes the signature covers. */
  readonly signingInput: Uint8Array
  /** The header as it appeared in the token. */
  readonly encodedHeader: string
  /** The payload as it appeared in the token. */
  readonly encodedPayload: string
}
