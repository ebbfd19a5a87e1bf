import {
  CivitasError,
  type DidDocument,
  decodeUtf8,
  encodeUtf8,
  type JsonObject,
  type JsonValue,
  parseJson,
} from '@civitas/core'

import { sha256 } from '@noble/hashes/sha2.js'
import { base58btc } from 'multiformats/bases/base58'
import { RELATIONSHIPS } from './checkDidDocument.js'

/** The multicodec prefix of JSON (0x0200 as an unsigned varint). */
const JSON_CODEC = [0x80, 0x04] as const

/** The did:peer:4 hash of an encoded document: base58btc multihash (SHA-256) of its text. */
export function peer4HashOf(encodedDocument: string): string {
  return base58btc.encode(Uint8Array.of(0x12, 0x20, ...sha256(encodeUtf8(encodedDocument))))
}

/** An input document as did:peer:4 encodes it: compact JSON, JSON multicodec, base58btc. */
export function encodePeer4Document(document: JsonObject): string {
  return base58btc.encode(Uint8Array.of(...JSON_CODEC, ...encodeUtf8(JSON.stringify(document))))
}

/**
 * The document of a long-form did:peer:4 (`did:peer:4<hash>:<encoded document>`): the hash checked,
 * the input document decoded strictly and contextualized (`id`, `alsoKnownAs` the short form, each
 * method's `controller`). A short form alone names no document: `notFound`.
 *
 * @see https://identity.foundation/peer-did-method-spec/#method-4-short-form-and-long-form
 * @throws a `CivitasError` `ERR_DID_INVALID` whose `details.error` is the DID Resolution error name.
 */
export function didPeer4Document(did: string): DidDocument {
  const [hash = '', encoded, ...rest] = did.slice('did:peer:4'.length).split(':')
  if (rest.length > 0 || !/^z[1-9A-HJ-NP-Za-km-z]+$/.test(hash)) invalid('invalidDid', 'malformed did:peer:4')
  if (encoded === undefined)
    invalid('notFound', 'a did:peer:4 short form resolves only once its long form is known')
  if (peer4HashOf(encoded) !== hash) invalid('invalidDid', 'the hash does not match the encoded document')
  const input = decodeDocument(encoded)
  const shortForm = `did:peer:4${hash}`
  const contextualize = (method: JsonValue): JsonValue => {
    if (typeof method !== 'object' || method === null || Array.isArray(method)) return method
    const entry = method as JsonObject
    if (typeof entry.id !== 'string' || !entry.id.startsWith('#'))
      invalid('invalidDid', 'a method id must be relative (#…)')
    return entry.controller === undefined ? { ...entry, controller: did } : entry
  }
  const document: JsonObject = { ...input, id: did }
  const alsoKnownAs = Array.isArray(input.alsoKnownAs) ? input.alsoKnownAs : []
  document.alsoKnownAs = [...alsoKnownAs, shortForm]
  for (const list of ['verificationMethod', ...RELATIONSHIPS]) {
    const value = input[list]
    if (value === undefined) continue
    if (!Array.isArray(value)) invalid('invalidDid', `${list} is not a list`)
    document[list] = value.map(
      list === 'verificationMethod'
        ? contextualize
        : (entry) => (typeof entry === 'string' ? entry : contextualize(entry)),
    )
  }
  return document as unknown as DidDocument
}

function decodeDocument(encoded: string): JsonObject {
  let input: unknown
  try {
    const bytes = base58btc.decode(encoded)
    if (bytes[0] !== JSON_CODEC[0] || bytes[1] !== JSON_CODEC[1]) throw new Error('not the JSON multicodec')
    input = parseJson(decodeUtf8(bytes.subarray(2), { name: 'did:peer:4 document' }), {
      name: 'did:peer:4 document',
    })
  } catch (error) {
    return invalid('invalidDid', `the encoded document is not multicodec JSON: ${(error as Error).message}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid('invalidDid', 'the document is not an object')
  if ((input as JsonObject).id !== undefined) invalid('invalidDid', 'the input document must not have an id')
  return input as JsonObject
}

function invalid(error: string, message: string): never {
  throw new CivitasError('ERR_DID_INVALID', `did:peer:4: ${message}`, { details: { error } })
}
