/**
 * Every error code Civitas raises. Codes are the contract: messages may change,
 * codes do not. Switch on `err.code` to react to a specific failure.
 */
export type CivitasErrorCode =
  // programmer errors and hostile input
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_INPUT_TOO_LARGE'
  | 'ERR_BASE64URL_INVALID'
  | 'ERR_UTF8_INVALID'
  | 'ERR_JSON_INVALID'
  | 'ERR_JSON_DUPLICATE_KEY'
  | 'ERR_JSON_FORBIDDEN_KEY'
  | 'ERR_JSON_TOO_DEEP'
  // keys, algorithms and signatures
  | 'ERR_ALGORITHM_UNSUPPORTED'
  | 'ERR_ALGORITHM_MISMATCH'
  | 'ERR_JWK_INVALID'
  | 'ERR_JWK_PRIVATE_MATERIAL'
  | 'ERR_KEY_INVALID'
  | 'ERR_MULTIKEY_INVALID'
  | 'ERR_JWS_MALFORMED'
  | 'ERR_JWS_HEADER_INVALID'
  | 'ERR_JWS_CRIT_UNSUPPORTED'
  | 'ERR_SIGNATURE_INVALID'
  // key stores
  | 'ERR_KEY_NOT_FOUND'
  | 'ERR_KEY_EXISTS'
  | 'ERR_KEY_STORE_PASSPHRASE'
  | 'ERR_KEY_STORE_CORRUPT'
  | 'ERR_KEY_STORE_LOCKED'
  | 'ERR_KEY_STORE_IO'
  /** The key store holds the key but cannot hand its private part out (a KMS that keeps keys inside). */
  | 'ERR_KEY_NOT_EXPORTABLE'
  // DIDs
  | 'ERR_DID_INVALID'
  | 'ERR_DID_METHOD_NOT_SUPPORTED'
  | 'ERR_DID_NOT_FOUND'
  | 'ERR_DID_RESOLUTION_FAILED'
  | 'ERR_DID_DOCUMENT_INVALID'
  | 'ERR_DID_DEACTIVATED'
  /** A DID registry transaction (did:ethr: change owner, delegate, attribute) failed or was refused. */
  | 'ERR_DID_UPDATE_FAILED'
  | 'ERR_VERIFICATION_METHOD_NOT_FOUND'
  | 'ERR_VERIFICATION_RELATIONSHIP'
  // tokens, credentials and presentations
  | 'ERR_TOKEN_TYPE_INVALID'
  | 'ERR_CREDENTIAL_INVALID'
  | 'ERR_PRESENTATION_INVALID'
  | 'ERR_SCHEMA_INVALID'
  | 'ERR_ISSUER_MISMATCH'
  | 'ERR_HOLDER_MISMATCH'
  | 'ERR_CREDENTIAL_EXPIRED'
  | 'ERR_CREDENTIAL_NOT_YET_VALID'
  | 'ERR_TOKEN_ISSUED_IN_FUTURE'
  | 'ERR_PRESENTATION_STALE'
  | 'ERR_AUDIENCE_MISMATCH'
  | 'ERR_NONCE_MISMATCH'
  | 'ERR_NONCE_REPLAYED'
  | 'ERR_UNTRUSTED_ISSUER'
  | 'ERR_TYPE_NOT_ACCEPTED'
  | 'ERR_CLAIM_MISSING'
  | 'ERR_CREDENTIAL_STORE'
  // selective disclosure
  | 'ERR_DISCLOSURE_INVALID'
  | 'ERR_KEY_BINDING_INVALID'
  | 'ERR_KEY_BINDING_MISSING'
  // status lists
  | 'ERR_CREDENTIAL_REVOKED'
  | 'ERR_CREDENTIAL_SUSPENDED'
  | 'ERR_STATUS_LIST_UNAVAILABLE'
  | 'ERR_STATUS_LIST_INVALID'
  | 'ERR_STATUS_INDEX_OUT_OF_RANGE'
  | 'ERR_STATUS_ENTRY_NOT_FOUND'
  /** A Token Status List names a status other than VALID, INVALID or SUSPENDED (application-specific): not accepted. */
  | 'ERR_CREDENTIAL_STATUS_UNKNOWN'
  // QR codes and trust bundles
  | 'ERR_QR_INVALID'
  | 'ERR_QR_PREFIX'
  | 'ERR_QR_TOO_LARGE'
  | 'ERR_QR_INFLATE_LIMIT'
  | 'ERR_IMAGE_INVALID'
  | 'ERR_IMAGE_TOO_LARGE'
  | 'ERR_QR_NOT_FOUND'
  /** A trust bundle is malformed, or its signature or contents do not verify. */
  | 'ERR_TRUST_BUNDLE_INVALID'
  /** A trust bundle is past its expiry (`exp`). */
  | 'ERR_TRUST_BUNDLE_EXPIRED'
  /** A trust bundle is not signed by the trust authority the verifier was configured with. */
  | 'ERR_TRUST_BUNDLE_UNTRUSTED'
  /** A trust bundle was issued longer ago than the verifier's policy accepts (`bundleMaxAgeMs`). */
  | 'ERR_TRUST_BUNDLE_STALE'
  // networking and sign-in
  | 'ERR_FETCH_FAILED'
  | 'ERR_ADDRESS_FORBIDDEN'
  | 'ERR_REQUEST_INVALID'
  | 'ERR_TRANSACTION_NOT_FOUND'
  | 'ERR_TRANSACTION_EXPIRED'
  | 'ERR_STATE_MISMATCH'
  | 'ERR_STORE_UNAVAILABLE'

/** Structured, non-secret context attached to an error (never whole tokens or keys). */
export type CivitasErrorDetails = Readonly<Record<string, unknown>>

/** Options accepted by the {@link CivitasError} constructor. */
export interface CivitasErrorOptions {
  /** Structured context for logs and reports. */
  details?: CivitasErrorDetails
  /** The lower-level error being wrapped. */
  cause?: unknown
}

/**
 * The one error class of Civitas. `code` is stable and typed; narrowing on it
 * through {@link AnyCivitasError} gives exhaustive `switch` statements.
 *
 * @example
 * ```ts
 * import { CivitasError } from '@civitas/core'
 *
 * try {
 *   throw new CivitasError('ERR_CREDENTIAL_EXPIRED', 'credential expired at 2030-01-01T00:00:00Z')
 * } catch (err) {
 *   if (err instanceof CivitasError && err.code === 'ERR_CREDENTIAL_EXPIRED') console.log('ask for a new card')
 * }
 * ```
 */
export class CivitasError<Code extends CivitasErrorCode = CivitasErrorCode> extends Error {
  /** The stable machine-readable code. */
  readonly code: Code
  /** Structured context; never secrets. */
  readonly details: CivitasErrorDetails

  constructor(code: Code, message: string, options: CivitasErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'CivitasError'
    this.code = code
    this.details = options.details ?? {}
  }

  /** A plain object for logs and JSON reports (`cause` is reduced to its message). */
  toJSON(): { name: string; code: Code; message: string; details: CivitasErrorDetails } {
    return { name: this.name, code: this.code, message: this.message, details: this.details }
  }
}

/**
 * The discriminated union of every Civitas error: narrowing on `code` narrows the type.
 *
 * @example
 * ```ts
 * import type { AnyCivitasError } from '@civitas/core'
 *
 * function explain(err: AnyCivitasError): string {
 *   switch (err.code) {
 *     case 'ERR_CREDENTIAL_REVOKED':
 *       return 'This card was revoked by its issuer.'
 *     default:
 *       return err.message
 *   }
 * }
 * ```
 */
export type AnyCivitasError = { [Code in CivitasErrorCode]: CivitasError<Code> }[CivitasErrorCode]
