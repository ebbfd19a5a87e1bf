import { decodeBase64urlJson, type JsonValue } from '@civitas/core'
import type { Disclosure } from '../../types.js'
import { disclosureError } from './disclosureError.js'
import { hashDigest } from './hashDigest.js'

/** Claim names a disclosure may never carry: SD-JWT's own and the prototype-polluting ones. */
const FORBIDDEN_NAMES = new Set(['_sd', '...', '__proto__', 'constructor', 'prototype'])
/** The largest single disclosure read, in characters. */
const MAX_DISCLOSURE_LENGTH = 65_536

/**
 * Decodes one disclosure strictly: base64url of a JSON array `[salt, name, value]` (an object
 * property) or `[salt, value]` (an array element), with its SHA-256 digest over the encoded text.
 *
 * @throws `ERR_DISCLOSURE_INVALID` for the wrong arity, a non-string salt or name, or a forbidden
 *   name; the `ERR_BASE64URL_*` / `ERR_JSON_*` codes of strict decoding.
 */
export function decodeDisclosure(encoded: string): Disclosure {
  if (encoded.length === 0) disclosureError('empty', 'an empty disclosure (two ~ in a row)')
  const decoded: JsonValue = decodeBase64urlJson(encoded, {
    name: 'disclosure',
    maxLength: MAX_DISCLOSURE_LENGTH,
  })
  if (!Array.isArray(decoded) || (decoded.length !== 2 && decoded.length !== 3)) {
    disclosureError('arity', 'a disclosure must be a JSON array of 2 or 3 elements')
  }
  const [salt, ...rest] = decoded
  if (typeof salt !== 'string') disclosureError('salt', 'a disclosure salt must be a string')
  const digest = hashDigest(encoded)
  if (rest.length === 1) return { encoded, salt, value: rest[0] as JsonValue, digest }
  const [name, value] = rest as [JsonValue, JsonValue]
  if (typeof name !== 'string') disclosureError('name', 'a disclosure claim name must be a string')
  if (FORBIDDEN_NAMES.has(name)) {
    disclosureError('forbiddenName', `a disclosure may not be named ${JSON.stringify(name)}`)
  }
  return { encoded, salt, name, value, digest }
}
