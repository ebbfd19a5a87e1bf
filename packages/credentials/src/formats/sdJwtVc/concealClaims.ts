import { CivitasError, encodeBase64url, encodeUtf8, type JsonObject, type JsonValue } from '@civitas/core'
import type { ClaimPath } from '../../types.js'
import { claimPathKeys, pathKey } from './claimPaths.js'
import { hashDigest } from './hashDigest.js'

/** Options for {@link concealClaims}. */
export interface ConcealClaimsOptions {
  /** The claims to make selectively disclosable. */
  disclosable: readonly ClaimPath[]
  /** Top-level claims that must stay visible. */
  reserved: ReadonlySet<string>
  /** Each `_sd` array gets between 1 and this many decoy digests (0: none). */
  decoys: number
}

/**
 * Replaces the disclosable claims of `claims` by salted digests (RFC 9901 §4.2): an object
 * property goes into its object's `_sd`, an array element becomes `{"...": digest}`. Nested
 * disclosable claims are concealed first, so a disclosure can itself hold digests. Every `_sd` is
 * sorted and padded with decoys, so neither order nor count tells what is hidden.
 *
 * @returns the payload to sign and the disclosures, in the order they were made.
 * @throws `ERR_INVALID_ARGUMENT` for a path that names no claim or a reserved one.
 */
export function concealClaims(
  claims: JsonObject,
  options: ConcealClaimsOptions,
): { payload: JsonObject; disclosures: string[] } {
  const marked = claimPathKeys(options.disclosable, 'disclosable')
  const found = new Set<string>()
  const disclosures: string[] = []
  const disclose = (parts: JsonValue[]): string => {
    const encoded = encodeBase64url(encodeUtf8(JSON.stringify([randomText(), ...parts])))
    disclosures.push(encoded)
    return hashDigest(encoded)
  }

  const conceal = (value: JsonValue, path: (string | number)[]): JsonValue => {
    if (Array.isArray(value)) {
      return value.map((element, index) => {
        const inner = conceal(element, [...path, index])
        const key = pathKey([...path, index])
        if (!marked.has(key)) return inner
        found.add(key)
        return { '...': disclose([inner]) }
      })
    }
    if (typeof value !== 'object' || value === null) return value
    const out: JsonObject = {}
    const digests: string[] = []
    for (const [name, member] of Object.entries(value)) {
      const inner = conceal(member, [...path, name])
      const key = pathKey([...path, name])
      if (!marked.has(key)) {
        out[name] = inner
        continue
      }
      if (path.length === 0 && options.reserved.has(name)) {
        throw new CivitasError(
          'ERR_INVALID_ARGUMENT',
          `disclosable: ${name} must never be selectively disclosed`,
        )
      }
      found.add(key)
      digests.push(disclose([name, inner]))
    }
    if (digests.length > 0) {
      const decoys = options.decoys > 0 ? 1 + randomBelow(options.decoys) : 0
      for (let i = 0; i < decoys; i++) digests.push(hashDigest(randomText()))
      out._sd = digests.sort()
    }
    return out
  }

  const payload = conceal(claims, []) as JsonObject
  for (const key of marked) {
    if (!found.has(key)) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `disclosable: no claim at ${key.split('\u0000').join('.')}`,
      )
    }
  }
  return { payload, disclosures }
}

/** 128 random bits, base64url: a salt (RFC 9901 §9.3) or a decoy's preimage. */
function randomText(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(16)))
}

function randomBelow(bound: number): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] as number) % bound
}
