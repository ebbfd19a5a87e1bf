import type { CivitasErrorCode } from '@civitas/core'

const EXPLANATIONS: Partial<Record<CivitasErrorCode, string>> = {
  ERR_INPUT_TOO_LARGE: 'The token is larger than any credential should be. Ask for a fresh one.',
  ERR_JWS_MALFORMED: 'This is not a signed token. Scan again or ask the holder to present it again.',
  ERR_TOKEN_TYPE_INVALID:
    'This is another kind of token than expected (for example a presentation where a credential was asked for).',
  ERR_ALGORITHM_UNSUPPORTED:
    'The token uses a signature algorithm that is not accepted (for example "none" or HMAC).',
  ERR_ALGORITHM_MISMATCH: "The token's algorithm does not match the signer's key.",
  ERR_SIGNATURE_INVALID:
    "The signature does not match the signer's current key: the token was altered, forged, or signed with a key the signer has since replaced.",
  ERR_ISSUER_MISMATCH: 'The token was signed with a key that does not belong to its issuer.',
  ERR_HOLDER_MISMATCH: 'The person presenting is not the one the credential was issued to.',
  ERR_DID_INVALID: 'The identifier (DID) is malformed; the reason names the part that is wrong.',
  ERR_DID_NOT_FOUND: "The signer's identifier could not be found.",
  ERR_DID_RESOLUTION_FAILED:
    "The signer's identifier could not be looked up; check the network or the trust bundle.",
  ERR_DID_METHOD_NOT_SUPPORTED: "The signer's identifier uses a DID method this verifier does not resolve.",
  ERR_VERIFICATION_METHOD_NOT_FOUND: "The signing key is not in the signer's DID document.",
  ERR_VERIFICATION_RELATIONSHIP:
    'The signing key exists but is not allowed for this purpose (for example a login key used to issue).',
  ERR_CREDENTIAL_EXPIRED: 'The credential has expired. The holder needs a renewed one.',
  ERR_CREDENTIAL_NOT_YET_VALID:
    'The credential is not valid yet. Check the device clock, or come back later.',
  ERR_TOKEN_ISSUED_IN_FUTURE: "The token claims to be issued in the future. Check both devices' clocks.",
  ERR_TOKEN_TIME_OUT_OF_RANGE: 'The token carries a time no real token has. It was forged or corrupted.',
  ERR_SUBJECT_MISMATCH: 'The credential names two different people as its subject.',
  ERR_PRESENTATION_STALE: 'The presentation is too old. Ask the wallet to present again.',
  ERR_AUDIENCE_MISMATCH: 'The presentation was made for another verifier.',
  ERR_AUDIENCE_REQUIRED:
    'The presentation is addressed to a verifier, and was checked without the audience and nonce of the request it answers. Check it with them.',
  ERR_NONCE_MISMATCH: 'The presentation does not answer this request (wrong or missing nonce). Ask again.',
  ERR_NONCE_REPLAYED: 'This presentation was already used once. Ask the wallet to present again.',
  ERR_POOL_CLOSED: 'The verifier is shutting down and did not check this token. Try again.',
  ERR_POOL_WORKER_FAILED:
    'The verifier failed internally while checking this token. Try again; if it persists, check its setup.',
  ERR_UNTRUSTED_ISSUER: 'The issuer is not on the list of issuers trusted for this credential type.',
  ERR_TYPE_NOT_ACCEPTED: 'This credential type is not accepted here.',
  ERR_CLAIM_MISSING: 'The credential lacks information required here.',
  ERR_CREDENTIAL_REVOKED: 'The issuer has revoked this credential.',
  ERR_CREDENTIAL_SUSPENDED: 'The issuer has suspended this credential.',
  ERR_CREDENTIAL_STATUS_UNKNOWN:
    "The issuer's status list gives this credential a status other than valid, which is not accepted here.",
  ERR_STATUS_LIST_UNAVAILABLE:
    "The issuer's status list could not be fetched, so revocation cannot be ruled out. Try again later.",
  ERR_STATUS_LIST_INVALID:
    "The issuer's status list is malformed, expired, not signed by the issuer, or at an address this verifier refuses; the credential cannot be checked.",
  ERR_STATUS_INDEX_OUT_OF_RANGE: "The credential points outside its issuer's status list.",
  ERR_PRESENTATION_INVALID: 'The presentation is malformed.',
  ERR_PRESENTATION_REQUIRED:
    'A credential was shown on its own, with no proof that the person showing it holds it. Ask them to present it from their wallet.',
  ERR_KEY_BINDING_MISSING:
    'The credential was shown without proof that the person showing it holds its key. Ask them to present it again from their wallet.',
  ERR_CREDENTIAL_INVALID: 'The credential is malformed.',
  ERR_CREDENTIAL_STORE:
    "The wallet's credential store cannot be read or written, or its file is damaged. Check the file and its permissions, or restore a backup.",
  ERR_CREDENTIAL_STORE_LOCKED: "Another process has the wallet's credential file open. Close it first.",
  ERR_CREDENTIAL_NOT_FOUND:
    'The wallet holds no valid credential that matches what was asked for. Receive one first, or ask for another type.',
  ERR_SCHEMA_INVALID:
    "The credential's content does not match its schema; the reason names each field that is wrong.",
  ERR_JSON_INVALID: 'The data is not valid JSON; the reason says where it breaks.',
  ERR_FETCH_FAILED:
    'A request over the network failed; the reason names the URL and what happened. Check the URL and the network.',
  ERR_ADDRESS_FORBIDDEN:
    'The URL points at a local or private address, which is refused unless that host is allowed explicitly.',
  ERR_REQUEST_INVALID: 'The sign-in request or answer breaks the protocol; the reason says which part.',
  ERR_TRANSACTION_NOT_FOUND: 'No sign-in is waiting under that id. Start a new sign-in.',
  ERR_TRANSACTION_EXPIRED: 'The sign-in expired before the wallet answered. Start a new sign-in.',
  ERR_STATE_MISMATCH: 'The answer belongs to no sign-in of this site. Start a new sign-in.',
  ERR_STORE_UNAVAILABLE:
    'A database or shared store could not be reached. Check that it runs and that its URL is right.',
  ERR_STORE_NOT_MIGRATED: "A store's tables do not exist yet: run its migration once, then start again.",
  ERR_STATUS_ENTRY_NOT_FOUND:
    'The status registry has no entry for that credential. Check the credential id and the registry.',
  ERR_KEY_NOT_FOUND: 'No key with that id in the key store.',
  ERR_QR_PREFIX: 'This QR code does not hold a Civitas credential or presentation.',
  ERR_QR_INVALID: 'The QR code is damaged or incomplete. Scan again.',
  ERR_QR_TOO_LARGE: 'The QR code holds more data than any credential should.',
  ERR_QR_INFLATE_LIMIT: 'The QR code unpacks to more data than any credential should.',
  ERR_QR_NOT_FOUND: 'No QR code could be read in the picture. Hold the code steady and scan again.',
  ERR_IMAGE_INVALID: 'The picture is not a readable PNG or JPEG image.',
  ERR_IMAGE_TOO_LARGE: 'The picture is too large to scan.',
  ERR_TRUST_BUNDLE_INVALID:
    "This gate's trust bundle is damaged or does not verify. Load a fresh one from the trust authority.",
  ERR_TRUST_BUNDLE_EXPIRED:
    "This gate's trust bundle has expired. Load a fresh one from the trust authority.",
  ERR_TRUST_BUNDLE_UNTRUSTED:
    "This gate's trust bundle was not signed by the trust authority it was set up with.",
  ERR_TRUST_BUNDLE_STALE:
    "This gate's trust bundle is older than its policy allows: revocations since then are unknown. Load a fresh one.",
}

/**
 * A sentence for a gate's screen or a log: what a failure code means and what to do about it.
 *
 * @example
 * ```ts
 * import { explainCode } from '@civitas/verifier'
 *
 * explainCode('ERR_CREDENTIAL_EXPIRED') // 'The credential has expired. The holder needs a renewed one.'
 * ```
 */
export function explainCode(code: CivitasErrorCode): string {
  return (
    EXPLANATIONS[code] ??
    (code.startsWith('ERR_JSON') ||
    code.startsWith('ERR_BASE64URL') ||
    code.startsWith('ERR_UTF8') ||
    code.startsWith('ERR_JWS')
      ? 'The token is malformed. Scan again or ask for a fresh one.'
      : `The check failed (${code}).`)
  )
}
