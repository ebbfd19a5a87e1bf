import {
  CivitasError,
  decodeUtf8,
  encodeBase64url,
  encodeUtf8,
  type JsonObject,
  parseJson,
} from '@civitas/core'
import { sha256 } from '@noble/hashes/sha2.js'
import type { CredentialRecord } from '../../types.js'

/**
 * Version 2 of the credential file: the records' JSON prefixed by its SHA-256, so that any damage
 * (a flipped bit anywhere, a truncation) is refused instead of read as an altered token:
 * `{"version":2,"sha256":"<base64url>","records":[…]}`. The digest covers the exact bytes of
 * `records` as written. It detects corruption, not a forger who can rewrite the file (tokens carry
 * their own signatures for that).
 */
const VERSION_2 = /^\{"version":2,"sha256":"([A-Za-z0-9_-]{43})","records":(\[[\s\S]*\])\}$/

/** What a credential file holds, and whether it is in the checksum-less version 1 format. */
export interface DecodedCredentialFile {
  records: Map<string, CredentialRecord>
  legacy: boolean
}

/** The file's bytes for these records. */
export function encodeCredentialFile(records: Iterable<CredentialRecord>): Uint8Array {
  const body = JSON.stringify([...records])
  return encodeUtf8(`{"version":2,"sha256":"${digestOf(body)}","records":${body}}`)
}

/**
 * Reads a credential file: version 2 with its checksum checked, or version 1 (no checksum, exactly
 * `{ version, records }`) for files written before checksums.
 *
 * @throws `ERR_CREDENTIAL_STORE` for anything else: damaged, truncated, unknown or malformed.
 */
export function decodeCredentialFile(bytes: Uint8Array, maxBytes: number): DecodedCredentialFile {
  let text: string
  try {
    text = decodeUtf8(bytes, { name: 'credential file' })
  } catch (cause) {
    throw corrupted('the credential file is not UTF-8', cause)
  }
  const framed = VERSION_2.exec(text)
  if (framed !== null) {
    const [, digest, body = ''] = framed
    if (digestOf(body) !== digest) throw corrupted('the credential file fails its checksum')
    return { records: recordsOf(parse(body, maxBytes)), legacy: false }
  }
  const file = parse(text, maxBytes)
  const isVersion1 =
    typeof file === 'object' &&
    file !== null &&
    !Array.isArray(file) &&
    (file as JsonObject).version === 1 &&
    Object.keys(file).sort().join() === 'records,version'
  if (!isVersion1) throw corrupted('the credential file has an unknown format or a damaged header')
  return { records: recordsOf((file as JsonObject).records), legacy: true }
}

function recordsOf(value: unknown): Map<string, CredentialRecord> {
  if (!Array.isArray(value)) throw corrupted('the credential file has no record list')
  const records = new Map<string, CredentialRecord>()
  for (const record of value as CredentialRecord[]) {
    if (typeof record?.id !== 'string' || typeof record.token !== 'string')
      throw corrupted('the credential file holds a malformed record')
    records.set(record.id, record)
  }
  return records
}

function parse(text: string, maxBytes: number): unknown {
  try {
    return parseJson(text, { maxLength: maxBytes, name: 'credential file' })
  } catch (cause) {
    throw corrupted('the credential file is corrupted', cause)
  }
}

const digestOf = (text: string) => encodeBase64url(sha256(encodeUtf8(text)))

function corrupted(message: string, cause?: unknown): CivitasError {
  return new CivitasError('ERR_CREDENTIAL_STORE', message, {
    details: { reason: 'corrupted' },
    ...(cause === undefined ? {} : { cause }),
  })
}
