import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import { sha256 } from '@noble/hashes/sha2.js'

/** The only `_sd_alg` Civitas issues and accepts (RFC 9901 §4.1.1; the IANA name). */
export const SD_ALG = 'sha-256'

/**
 * base64url(SHA-256(ASCII(text))): the digest of a disclosure over its encoded string, and the
 * `sd_hash` of a key-binding JWT over the presented `<JWT>~<D1>~…~`.
 */
export function hashDigest(text: string): string {
  return encodeBase64url(sha256(encodeUtf8(text)))
}
