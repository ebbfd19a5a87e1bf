/**
 * Every error code Civitas raises. Codes are the contract: messages may change,
 * codes do not. Switch on `err.code` to react to a specific failure.
 */
export type CivitasErrorCode =
  // programmer errors and hostile input
  /** A function was called with an argument of the wrong type or shape (a programmer error). Fix the call: the message says what was expected and what was received. */
  | 'ERR_INVALID_ARGUMENT'
  /** An input is longer than the limit set for it (`maxLength`, `maxBytes`), a guard against resource exhaustion. Refuse it; raise the limit only for a source you trust. */
  | 'ERR_INPUT_TOO_LARGE'
  /** Text that must be base64url (RFC 4648 §5, no padding) is not: wrong alphabet, padding or non-canonical trailing bits. Treat the input as corrupted or forged. */
  | 'ERR_BASE64URL_INVALID'
  /** Bytes that must be UTF-8 are not (or hold lone surrogates). Treat the input as corrupted or forged. */
  | 'ERR_UTF8_INVALID'
  /** Text that must be JSON is not, or holds a value I-JSON forbids (lone surrogates, a byte-order mark). Treat the input as corrupted or forged. */
  | 'ERR_JSON_INVALID'
  /** A JSON object names the same member twice, which parsers resolve differently (a signature could cover one value while the application reads another). Refuse the input. */
  | 'ERR_JSON_DUPLICATE_KEY'
  /** A JSON object has a member named `__proto__`, `constructor` or `prototype` (prototype pollution). Refuse the input. */
  | 'ERR_JSON_FORBIDDEN_KEY'
  /** JSON nests arrays and objects deeper than allowed (`maxDepth`, 32 by default). Refuse the input. */
  | 'ERR_JSON_TOO_DEEP'
  // keys, algorithms and signatures
  /** An algorithm or curve Civitas does not use (`none`, HMAC, RSA, P-384, ...), or no native implementation where one was required. Use EdDSA, ES256 or ES256K. */
  | 'ERR_ALGORITHM_UNSUPPORTED'
  /** The `alg` named (in a token header or an option) is not the one the key's curve fixes (RFC 8725 §3.1). Sign with the algorithm of the key; refuse such tokens. */
  | 'ERR_ALGORITHM_MISMATCH'
  /** A JWK is malformed: missing or badly encoded members, a wrong length, a point off its curve, or an Ed25519 point of small order or in a non-canonical encoding. Check where the key came from. */
  | 'ERR_JWK_INVALID'
  /** A public key was expected and the JWK (or verification method) carries private key material (`d`). Publish only the public part; rotate the leaked key. */
  | 'ERR_JWK_PRIVATE_MATERIAL'
  /** Key material is unusable: raw bytes of the wrong length, an off-curve point, an Ed25519 point of small order or in a non-canonical encoding, or a verification method without a usable public key. */
  | 'ERR_KEY_INVALID'
  /** A multikey (`z…`) is not valid: another multibase, bad base58, an unknown multicodec, a wrong length, an off-curve point or an Ed25519 point of small order (`details.reason` says which). */
  | 'ERR_MULTIKEY_INVALID'
  /** A token is not a compact JWS (three base64url parts with an object payload), or an SD-JWT is not `<JWT>~<disclosures>~`. Ask for the token again. */
  | 'ERR_JWS_MALFORMED'
  /** A JWS protected header is malformed or asks for something Civitas refuses (`b64: false`, a non-string `alg`). Refuse the token. */
  | 'ERR_JWS_HEADER_INVALID'
  /** A JWS header has `crit`, naming extensions Civitas does not process (RFC 7515 §4.1.11 requires refusing it). Refuse the token. */
  | 'ERR_JWS_CRIT_UNSUPPORTED'
  /** A signature does not verify with the key it should: the data was altered, or signed by someone else. Refuse it. */
  | 'ERR_SIGNATURE_INVALID'
  // key stores
  /** A key store has no key with that id. Check the id (`listKeys`) or create the key first. */
  | 'ERR_KEY_NOT_FOUND'
  /** A key store already holds a key with that id; keys are never overwritten. Choose another id, or delete the old key first. */
  | 'ERR_KEY_EXISTS'
  /** The passphrase does not open the encrypted key store (or the file was altered). Supply the right passphrase. */
  | 'ERR_KEY_STORE_PASSPHRASE'
  /** The key store file is not a Civitas key store, or was truncated or altered; or a key record in a browser key store's IndexedDB fails to parse. Restore it from a backup. */
  | 'ERR_KEY_STORE_CORRUPT'
  /** Another process holds the key store's lock, or took it over. Close the other process; only one may write a key store. */
  | 'ERR_KEY_STORE_LOCKED'
  /** The key store could not read or write its file or its IndexedDB database, or it was used after `close()` (`details.reason`: `unavailable` without IndexedDB or WebCrypto, `quota` when storage is full, `closed`, `io`). Check the path, permissions and disk space, or the browser's storage settings. */
  | 'ERR_KEY_STORE_IO'
  /** The key store holds the key but cannot hand its private part out (a KMS that keeps keys inside, a non-extractable WebCrypto key). Back the identity up by other means (a second key). */
  | 'ERR_KEY_NOT_EXPORTABLE'
  // DIDs
  /** A string is not a well-formed DID (W3C DID Core §3.1), or the method-specific part is invalid for its method. Check the DID. */
  | 'ERR_DID_INVALID'
  /** No resolver is registered for the DID's method. Add the method to `createResolver({ resolvers })`. */
  | 'ERR_DID_METHOD_NOT_SUPPORTED'
  /** The DID resolved to nothing: no such DID document exists (for did:web, the host answered 404). Check the DID. */
  | 'ERR_DID_NOT_FOUND'
  /** The DID could not be resolved: network failure, timeout, or a resolver error. Retry, check the network, or resolve from bundled documents when offline. */
  | 'ERR_DID_RESOLUTION_FAILED'
  /** A DID document is malformed, is for another DID, or is too large or too deep. Refuse it and tell the DID's controller. */
  | 'ERR_DID_DOCUMENT_INVALID'
  /** The DID is deactivated (its resolution metadata says so): nothing it signed should be accepted any more. */
  | 'ERR_DID_DEACTIVATED'
  /** A DID registry transaction (did:ethr: change owner, delegate, attribute) failed or was refused. */
  | 'ERR_DID_UPDATE_FAILED'
  /** The key a token names (`kid`) is not in the signer's DID document, or the document has no key that fits. The key was rotated out, or the token is forged. */
  | 'ERR_VERIFICATION_METHOD_NOT_FOUND'
  /** The key exists but is not listed under the relationship this use needs (`assertionMethod` to issue, `authentication` to present). Refuse the token. */
  | 'ERR_VERIFICATION_RELATIONSHIP'
  // tokens, credentials and presentations
  /** The token's `typ` is not the one expected here (a presentation where a credential was asked for, an ID token of another kind). Ask for the right token. */
  | 'ERR_TOKEN_TYPE_INVALID'
  /** A credential is malformed: required claims missing or of the wrong type for its format. Refuse it; ask the issuer for a valid one. */
  | 'ERR_CREDENTIAL_INVALID'
  /** A presentation is malformed, or one of the credentials in it failed (the cause says which). Refuse it and ask the holder to present again. */
  | 'ERR_PRESENTATION_INVALID'
  /** A credential was given on its own where the verifier's policy requires a presentation (holder binding: proof that the presenter holds the credential's key), as every check with an audience or a nonce does. A credential copied from a screen or a photographed QR code is exactly this. Ask the holder to present it from their wallet. */
  | 'ERR_PRESENTATION_REQUIRED'
  /** A credential's subject does not match its template's schema, or its `credentialSchema` is malformed. Fix the issuing input, or refuse the credential. */
  | 'ERR_SCHEMA_INVALID'
  /** A credential was signed with a key that is not its issuer's (`iss` and the `kid`'s DID differ). Refuse it. */
  | 'ERR_ISSUER_MISMATCH'
  /** A `jwt_vc_json` credential names two different subjects (`sub` and `credentialSubject.id`). Refuse it; ask the issuer for a consistent one. */
  | 'ERR_SUBJECT_MISMATCH'
  /** The presenter is not the credential's subject or key holder (`sub`, `cnf`, or an ID token's `iss`/`sub`). Refuse it. */
  | 'ERR_HOLDER_MISMATCH'
  /** The credential is past its expiry (`exp`, `validUntil`), beyond the allowed clock skew. The holder needs a renewed credential. */
  | 'ERR_CREDENTIAL_EXPIRED'
  /** The credential's validity starts later (`nbf`, `validFrom`). Check the verifier's clock, or accept it from that time. */
  | 'ERR_CREDENTIAL_NOT_YET_VALID'
  /** A token's `iat` lies in the future beyond the allowed clock skew (for a presentation, its `nbf` too). Check both devices' clocks. */
  | 'ERR_TOKEN_ISSUED_IN_FUTURE'
  /** A token's time (`iat`, `nbf`, `exp`) lies beyond what a date can hold (more than 8.64e12 seconds, about 273,000 years, from 1970). No real token says that: refuse it. */
  | 'ERR_TOKEN_TIME_OUT_OF_RANGE'
  /** A presentation has no `iat`, or was made longer ago than the verifier accepts. Ask the wallet to present again. */
  | 'ERR_PRESENTATION_STALE'
  /** A presentation or ID token was made for another verifier (`aud`). Refuse it: it may be replayed from elsewhere. */
  | 'ERR_AUDIENCE_MISMATCH'
  /** A presentation addressed to a verifier (`aud`) was checked without the audience (and nonce) of the request it answers, so it cannot be told apart from a replay. Check it with the audience and nonce the verifier asked for. */
  | 'ERR_AUDIENCE_REQUIRED'
  /** A presentation or ID token does not carry this request's nonce. Refuse it and start a new request. */
  | 'ERR_NONCE_MISMATCH'
  /** A nonce or a sign-in answer was already used once; replays are refused. Start a new request. */
  | 'ERR_NONCE_REPLAYED'
  /** The issuer is not among those the verifier trusts for this credential type. Add it to the verifier's `trust` only if it should be trusted. */
  | 'ERR_UNTRUSTED_ISSUER'
  /** The credential is not of a type this verifier or query accepts. Ask for the right credential. */
  | 'ERR_TYPE_NOT_ACCEPTED'
  /** A claim the verifier's policy or a DCQL query requires is absent (or was not disclosed). Ask the holder to disclose it. */
  | 'ERR_CLAIM_MISSING'
  /** A wallet's credential store could not read, parse or write its data, or its file is damaged (fails its checksum); `details.reason` (`corrupted`, `quota` when the browser's storage is full, `unavailable` without IndexedDB, `closed`, `io`) and `cause` say which. Nothing was changed. Check the file, its permissions or the browser's storage, or restore a backup. */
  | 'ERR_CREDENTIAL_STORE'
  /** The wallet holds no valid credential that matches what was asked for (a type, ids, or a sign-in query); its store works. Receive a matching credential first, or ask for another type. */
  | 'ERR_CREDENTIAL_NOT_FOUND'
  /** Another process (or another store in this one) has the credential file open; two writers would lose each other's credentials. Close the other one first. */
  | 'ERR_CREDENTIAL_STORE_LOCKED'
  // selective disclosure
  /** An SD-JWT disclosure is malformed, duplicated, unreferenced by any digest, too many, or uses an unsupported `_sd_alg` (`details.reason`). Refuse the token. */
  | 'ERR_DISCLOSURE_INVALID'
  /** An SD-JWT key-binding JWT does not verify: wrong `typ`, key, `sd_hash`, audience, nonce or time (`details.reason`). Refuse the presentation. */
  | 'ERR_KEY_BINDING_INVALID'
  /** An SD-JWT was given without the key-binding JWT that proves the holder has the `cnf` key (the text up to the last `~` only), where the verifier's policy requires holder binding, as every check with an audience or a nonce does. Ask the wallet to present again. */
  | 'ERR_KEY_BINDING_MISSING'
  // status lists
  /** The issuer has revoked the credential (its status list bit is set), or a registry was asked to change the status of a revoked entry: revocation is final. Refuse it; the holder must contact the issuer. */
  | 'ERR_CREDENTIAL_REVOKED'
  /** The issuer has suspended the credential for now. Refuse it until the issuer lifts the suspension. */
  | 'ERR_CREDENTIAL_SUSPENDED'
  /** The status list is out of reach (network error, timeout, HTTP 5xx) and no fresh copy is cached: the only status failure `onUnavailable: 'accept'` may let pass. Retry, or bundle the lists for offline checks. */
  | 'ERR_STATUS_LIST_UNAVAILABLE'
  /** A status list credential is malformed, badly signed, from an issuer other than the credential's, or expired; or its URL was refused (the address guard, a redirect it does not follow, an HTTP 4xx). Fails closed whatever `onUnavailable` says. Refuse the check and tell the issuer. */
  | 'ERR_STATUS_LIST_INVALID'
  /** A status index lies outside its list. The credential's `credentialStatus` is wrong: refuse it. */
  | 'ERR_STATUS_INDEX_OUT_OF_RANGE'
  /** A status registry has no entry for that credential or list index. Allocate an entry when issuing, or check the reference. */
  | 'ERR_STATUS_ENTRY_NOT_FOUND'
  /** A Token Status List names a status other than VALID, INVALID or SUSPENDED (application-specific): not accepted. */
  | 'ERR_CREDENTIAL_STATUS_UNKNOWN'
  // QR codes and trust bundles
  /** QR text has the right prefix but a malformed payload (base45, compression or contents). Scan again. */
  | 'ERR_QR_INVALID'
  /** QR text is neither Civitas QR text (`CV1:`) nor a compact token, or names an unsupported codec version. This QR code is not a credential. */
  | 'ERR_QR_PREFIX'
  /** A token is too large for a QR code, or QR text is longer than the decoder accepts. Use SD-JWT with fewer disclosures, or a link instead. */
  | 'ERR_QR_TOO_LARGE'
  /** A QR payload inflates past the decoder's limit (a compression bomb). Refuse it. */
  | 'ERR_QR_INFLATE_LIMIT'
  /** An image could not be decoded, or has no pixels. Capture the image again. */
  | 'ERR_IMAGE_INVALID'
  /** An image has more pixels or bytes than the scanner accepts. Scale it down before scanning. */
  | 'ERR_IMAGE_TOO_LARGE'
  /** No QR code was found in the image. Hold the code flat, closer and in focus, and scan again. */
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
  /** An HTTP request failed: network error, timeout, non-2xx status or a body over the size limit. Retry; check the URL and network. */
  | 'ERR_FETCH_FAILED'
  /** A URL points at a local or private address (SSRF guard, e.g. did:web of `localhost`). Allow-list the host only if it is meant to be reached. */
  | 'ERR_ADDRESS_FORBIDDEN'
  /** A sign-in request or response is malformed or breaks the protocol (client id prefix, request object, `direct_post` body). Refuse it. */
  | 'ERR_REQUEST_INVALID'
  /** No sign-in transaction has that id. Start a new sign-in. */
  | 'ERR_TRANSACTION_NOT_FOUND'
  /** The sign-in transaction expired before the wallet answered. Start a new sign-in. */
  | 'ERR_TRANSACTION_EXPIRED'
  /** A sign-in response's `state` names no transaction of this relying party. Refuse it; start a new sign-in. */
  | 'ERR_STATE_MISMATCH'
  /** A shared store (a Redis nonce store, a PostgreSQL status registry) did not answer or could not be reached. Retry; check the store's health. */
  | 'ERR_STORE_UNAVAILABLE'
  /** A store's tables do not exist yet: run its `migrate()` once (a deploy step) before using it. */
  | 'ERR_STORE_NOT_MIGRATED'
  // worker pools
  /** A verifier pool was closed: checks still waiting, and any made afterwards, are refused with this code. */
  | 'ERR_POOL_CLOSED'
  /** A verifier pool's worker failed (it could not start, or it exited): the checks it held are refused. */
  | 'ERR_POOL_WORKER_FAILED'

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
