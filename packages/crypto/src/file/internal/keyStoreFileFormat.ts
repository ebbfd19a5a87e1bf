import type { JsonValue } from '@civitas/core'
import {
  CivitasError,
  decodeBase64url,
  decodeUtf8,
  encodeBase64url,
  encodeUtf8,
  parseJson,
} from '@civitas/core'
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { randomBytes } from '@noble/ciphers/utils.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { assertKeyId } from '../../assertKeyId.js'
import { derivePublicKey } from '../../internal/derivePublicKey.js'
import { type KeyRecord, parsePrivateJwk } from '../../internal/keyStoreRecords.js'
import { isScryptParamsAllowed, type ScryptParams } from './keyStoreFileKdf.js'

// A key store file is three ASCII lines:
//   1. the header, JSON: format, version, KDF name, parameters and salt, AEAD name and nonce;
//   2. base64url(XChaCha20-Poly1305(key, nonce, keys JSON, associated data = line 1 exactly));
//   3. base64url(SHA-256(lines 1 and 2 with their newlines)), so that damage is told apart
//      from a wrong passphrase. The checksum is not a security measure: the AEAD is.

/** The largest key store file read (16 MiB). */
export const MAX_KEY_STORE_FILE_BYTES = 16 * 2 ** 20

const FORMAT = 'civitas-key-store'
const NEWLINE = 0x0a

/** The key derivation settings of one file. */
export interface KeyStoreFileKdf {
  params: ScryptParams
  salt: Uint8Array
}

/** A file split into its parts, checksum verified, not yet decrypted. */
export interface DecodedKeyStoreFile {
  kdf: KeyStoreFileKdf
  nonce: Uint8Array
  header: Uint8Array
  ciphertext: Uint8Array
}

/** Encrypts `records` under `key` into the bytes of a key store file (fresh random nonce). */
export function encodeKeyStoreFile(
  key: Uint8Array,
  kdf: KeyStoreFileKdf,
  records: readonly KeyRecord[],
): Uint8Array {
  const nonce = randomBytes(24)
  const headerText = JSON.stringify({
    format: FORMAT,
    version: 1,
    kdf: { name: 'scrypt', ...kdf.params, salt: encodeBase64url(kdf.salt) },
    aead: { name: 'xchacha20-poly1305', nonce: encodeBase64url(nonce) },
  })
  const header = encodeUtf8(headerText)
  const keys = records.map((record) => ({ id: record.id, alg: record.alg, jwk: record.privateJwk }))
  const plaintext = encodeUtf8(JSON.stringify({ keys }))
  const ciphertext = xchacha20poly1305(key, nonce, header).encrypt(plaintext)
  plaintext.fill(0)
  const body = `${headerText}\n${encodeBase64url(ciphertext)}\n`
  return encodeUtf8(`${body}${encodeBase64url(sha256(encodeUtf8(body)))}\n`)
}

/** Splits a file and checks its checksum and header. @throws `ERR_KEY_STORE_CORRUPT` */
export function decodeKeyStoreFile(bytes: Uint8Array): DecodedKeyStoreFile {
  if (bytes.length > MAX_KEY_STORE_FILE_BYTES) corrupt('the file is larger than any key store')
  const first = bytes.indexOf(NEWLINE)
  const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1)
  if (
    second < 0 ||
    bytes[bytes.length - 1] !== NEWLINE ||
    bytes.indexOf(NEWLINE, second + 1) !== bytes.length - 1
  ) {
    corrupt('the file does not have three lines (truncated?)')
  }
  const body = bytes.subarray(0, second + 1)
  const checksum = text(bytes.subarray(second + 1, bytes.length - 1))
  if (checksum !== encodeBase64url(sha256(body))) corrupt('the checksum does not match the contents')
  const header = bytes.subarray(0, first)
  const parsed = json(text(header), 4096)
  const head = object(parsed, ['format', 'version', 'kdf', 'aead'])
  if (head.format !== FORMAT || head.version !== 1) corrupt('not a version 1 Civitas key store')
  const scrypt = object(head.kdf, ['name', 'N', 'r', 'p', 'salt'])
  const aead = object(head.aead, ['name', 'nonce'])
  const params = { N: scrypt.N, r: scrypt.r, p: scrypt.p } as ScryptParams
  if (scrypt.name !== 'scrypt' || !isScryptParamsAllowed(params)) corrupt('unsupported KDF or KDF parameters')
  if (aead.name !== 'xchacha20-poly1305') corrupt('unsupported cipher')
  return {
    kdf: { params, salt: base64url(scrypt.salt, 16) },
    nonce: base64url(aead.nonce, 24),
    header,
    ciphertext: base64url(text(bytes.subarray(first + 1, second)), undefined),
  }
}

/**
 * Decrypts a decoded file and validates every key in it.
 * @throws `ERR_KEY_STORE_PASSPHRASE` when the key does not open the file; `ERR_KEY_STORE_CORRUPT` for bad contents.
 */
export function decryptKeyStoreFile(file: DecodedKeyStoreFile, key: Uint8Array): KeyRecord[] {
  let plaintext: Uint8Array
  try {
    plaintext = xchacha20poly1305(key, file.nonce, file.header).decrypt(file.ciphertext)
  } catch {
    throw new CivitasError('ERR_KEY_STORE_PASSPHRASE', 'the passphrase does not open this key store')
  }
  try {
    const contents = object(json(decodeUtf8(plaintext), MAX_KEY_STORE_FILE_BYTES), ['keys'])
    if (!Array.isArray(contents.keys)) corrupt('keys is not an array')
    const records: KeyRecord[] = []
    const ids = new Set<string>()
    for (const entry of contents.keys) {
      const { id, alg, jwk } = object(entry, ['id', 'alg', 'jwk'])
      assertKeyId(id)
      const parsed = parsePrivateJwk(jwk, derivePublicKey)
      if (parsed.alg !== alg || ids.has(id)) corrupt('a key entry is inconsistent or duplicated')
      ids.add(id)
      records.push({ id, ...parsed })
    }
    return records
  } catch (cause) {
    if (cause instanceof CivitasError && cause.code === 'ERR_KEY_STORE_CORRUPT') throw cause
    return corrupt('the decrypted contents are not a valid key list', cause)
  } finally {
    plaintext.fill(0)
  }
}

function object(value: JsonValue | undefined, members: readonly string[]): Record<string, JsonValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return corrupt('expected an object')
  const keys = Object.keys(value)
  if (keys.length !== members.length || !members.every((name) => keys.includes(name))) {
    corrupt(`expected exactly the members ${members.join(', ')}`)
  }
  return value
}

function json(source: string, maxLength: number): JsonValue {
  try {
    return parseJson(source, { name: 'key store', maxLength, maxDepth: 8 })
  } catch (cause) {
    return corrupt('malformed JSON', cause)
  }
}

function text(bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes)
  } catch (cause) {
    return corrupt('not UTF-8 text', cause)
  }
}

function base64url(value: JsonValue | undefined, length: number | undefined): Uint8Array {
  try {
    if (typeof value !== 'string') return corrupt('expected a base64url string')
    const bytes = decodeBase64url(value, { name: 'key store' })
    if (length !== undefined && bytes.length !== length) corrupt(`expected ${length} bytes`)
    return bytes
  } catch (cause) {
    if (cause instanceof CivitasError && cause.code === 'ERR_KEY_STORE_CORRUPT') throw cause
    return corrupt('invalid base64url', cause)
  }
}

function corrupt(reason: string, cause?: unknown): never {
  throw new CivitasError('ERR_KEY_STORE_CORRUPT', `key store file is corrupt: ${reason}`, {
    details: { reason },
    ...(cause === undefined ? {} : { cause }),
  })
}
