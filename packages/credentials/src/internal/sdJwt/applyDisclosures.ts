import type { JsonObject, JsonValue } from '@civitas/core'
import type { Disclosure } from '../../types.js'
import { disclosureError } from './disclosureError.js'

/** Deeper nesting than this, counting through disclosures, is hostile. */
const MAX_DEPTH = 64

/** A claim's location in the processed payload: names and array positions. */
export type ClaimSegments = readonly (string | number)[]

/** Options for {@link applyDisclosures}. */
export interface ApplyDisclosuresOptions {
  /** Top-level claim names no disclosure may carry (for SD-JWT VC: iss, nbf, exp, cnf, vct, status). */
  reserved?: ReadonlySet<string>
  /** Called for each disclosure used, with where its claim lands in the processed payload. */
  onDisclosure?: (path: ClaimSegments, disclosure: Disclosure) => void
}

/**
 * Rebuilds the payload a verifier may read from an issuer-signed payload and the presented
 * disclosures (RFC 9901 §7.1 step 3): each `_sd` digest and `{"...": digest}` array element with
 * a disclosure is replaced by its claim, recursively; undisclosed digests and decoys disappear,
 * as do `_sd` and `_sd_alg`.
 *
 * @throws `ERR_DISCLOSURE_INVALID` (with `details.reason`) for a disclosure whose digest the payload
 *   does not hold, a digest seen twice, a disclosure of the wrong kind for its place, a claim name
 *   already present or reserved, a malformed `_sd` or `...`, or nesting beyond 64 levels.
 */
export function applyDisclosures(
  payload: JsonObject,
  disclosures: readonly Disclosure[],
  options: ApplyDisclosuresOptions = {},
): JsonObject {
  const byDigest = new Map<string, Disclosure>()
  for (const disclosure of disclosures) {
    if (byDigest.has(disclosure.digest)) disclosureError('repeated', 'the same disclosure appears twice')
    byDigest.set(disclosure.digest, disclosure)
  }
  const seen = new Set<string>()
  const claim = (digest: JsonValue | undefined): Disclosure | undefined => {
    if (typeof digest !== 'string') disclosureError('digest', 'a digest must be a string')
    if (seen.has(digest)) disclosureError('repeatedDigest', 'a digest appears twice in the SD-JWT')
    seen.add(digest)
    return byDigest.get(digest)
  }

  const walk = (value: JsonValue, path: ClaimSegments): JsonValue => {
    if (path.length > MAX_DEPTH) disclosureError('depth', `nesting deeper than ${MAX_DEPTH} levels`)
    if (Array.isArray(value)) return walkArray(value, path)
    if (typeof value === 'object' && value !== null) return walkObject(value, path)
    return value
  }

  const walkArray = (array: JsonValue[], path: ClaimSegments): JsonValue[] => {
    const out: JsonValue[] = []
    for (const element of array) {
      if (typeof element === 'object' && element !== null && !Array.isArray(element) && '...' in element) {
        if (Object.keys(element).length !== 1) {
          disclosureError('ellipsis', 'an array element digest object must hold only "..."')
        }
        const disclosure = claim(element['...'])
        if (disclosure === undefined) continue
        if (disclosure.name !== undefined) {
          disclosureError('arity', 'an object property disclosure is referenced as an array element')
        }
        options.onDisclosure?.([...path, out.length], disclosure)
        out.push(walk(disclosure.value, [...path, out.length]))
      } else {
        out.push(walk(element, [...path, out.length]))
      }
    }
    return out
  }

  const walkObject = (object: JsonObject, path: ClaimSegments): JsonObject => {
    const out: JsonObject = {}
    for (const [name, value] of Object.entries(object)) {
      if (name === '_sd' || (name === '_sd_alg' && path.length === 0)) continue
      if (name === '...') disclosureError('ellipsis', '"..." may appear only in array elements')
      out[name] = walk(value, [...path, name])
    }
    const digests = object._sd
    if (digests === undefined) return out
    if (!Array.isArray(digests)) disclosureError('sd', '_sd must be an array of digests')
    for (const digest of digests) {
      const disclosure = claim(digest)
      if (disclosure === undefined) continue
      const name = disclosure.name
      if (name === undefined) {
        disclosureError('arity', 'an array element disclosure is referenced from _sd')
      }
      if (Object.hasOwn(out, name)) {
        disclosureError('claimExists', `the disclosed claim ${JSON.stringify(name)} is already present`)
      }
      if (path.length === 0 && options.reserved?.has(name) === true) {
        disclosureError('reserved', `${name} must never be selectively disclosed`)
      }
      options.onDisclosure?.([...path, name], disclosure)
      out[name] = walk(disclosure.value, [...path, name])
    }
    return out
  }

  const processed = walkObject(payload, [])
  for (const disclosure of disclosures) {
    if (!seen.has(disclosure.digest)) {
      disclosureError('unreferenced', 'a disclosure whose digest is not in the SD-JWT')
    }
  }
  return processed
}
