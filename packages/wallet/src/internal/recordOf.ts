import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import type { VerifiedCredential } from '@civitas/credentials'
import { sha256 } from '@noble/hashes/sha2.js'
import type { CredentialRecord } from '../types.js'

/** The record a wallet stores for a verified credential. */
export function recordOf(credential: VerifiedCredential, receivedAt: number): CredentialRecord {
  return {
    id: credential.id ?? `sha256:${encodeBase64url(sha256(encodeUtf8(credential.token)))}`,
    token: credential.token,
    format: credential.format,
    types: credential.types,
    issuer: credential.issuer,
    receivedAt,
    ...(credential.subject === undefined ? {} : { subject: credential.subject }),
    ...(credential.validFrom === undefined ? {} : { validFrom: credential.validFrom }),
    ...(credential.validUntil === undefined ? {} : { validUntil: credential.validUntil }),
  }
}
