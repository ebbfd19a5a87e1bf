import {
  CivitasError,
  type DidDocument,
  type PublicJwk,
  type VerificationMethod,
  type VerificationRelationship,
} from '@civitas/core'
import type { Resolvable } from 'did-resolver'
import { findVerificationMethod } from './findVerificationMethod.js'
import { accountAddress } from './internal/accountAddress.js'
import { publicJwkFromVerificationMethod } from './publicJwkFromVerificationMethod.js'
import { resolveDidDocument } from './resolveDidDocument.js'
import type { SignedBytes } from './types.js'

/** Options for {@link resolveVerificationKey}. */
export interface ResolveVerificationKeyOptions {
  /** Resolves the DID in `kid`. */
  resolver: Resolvable
  /** The absolute DID URL of the key, as a JWS header's `kid` names it. */
  kid: string
  /** The DID the key must belong to (the issuer, the holder); refused if `kid` names another. */
  did?: string
  /** The relationship the key must be listed under. */
  relationship: VerificationRelationship
  /**
   * The signature being verified, for methods that name a blockchain account instead of a key
   * (did:ethr): the key is recovered from it and must be the account's.
   */
  signed?: SignedBytes
}

/** The key a signature must verify with, and where it came from. */
export interface ResolveVerificationKeyResult {
  publicJwk: PublicJwk
  method: VerificationMethod
  document: DidDocument
}

// Keys already extracted from a (frozen, cached) document, by relationship and kid, so a warm
// verification skips decoding. Their JWKs are frozen: every caller shares them.
const keysByDocument = new WeakMap<object, Map<string, Map<string, ResolveVerificationKeyResult>>>()

/**
 * Resolves the public key named by a `kid` and checks it may be used for `relationship`: the one
 * call a verifier makes per signature. With a warm resolution cache it costs a map lookup.
 *
 * @see https://www.w3.org/TR/did-1.0/#verification-methods
 * @throws `ERR_VERIFICATION_METHOD_NOT_FOUND` when `kid` is not an absolute DID URL of `did`, or
 *   names no method; `ERR_VERIFICATION_RELATIONSHIP`; the codes of {@link resolveDidDocument} and
 *   {@link publicJwkFromVerificationMethod}.
 * @example
 * ```ts
 * import { createResolver, resolveVerificationKey } from '@civitas/did'
 *
 * const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
 * const { publicJwk } = await resolveVerificationKey({
 *   resolver: createResolver(),
 *   kid: `${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`,
 *   relationship: 'assertionMethod',
 * })
 * ```
 */
export async function resolveVerificationKey(
  options: ResolveVerificationKeyOptions,
): Promise<ResolveVerificationKeyResult> {
  const { resolver, kid, did, relationship, signed } = options
  const hash = typeof kid === 'string' ? kid.indexOf('#') : -1
  if (hash <= 0 || !kid.startsWith('did:')) {
    throw new CivitasError(
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
      'kid: expected an absolute DID URL (did:…#fragment)',
      {
        details: { kid: String(kid).slice(0, 200) },
      },
    )
  }
  const kidDid = kid.slice(0, hash)
  if (did !== undefined && kidDid !== did) {
    throw new CivitasError(
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
      `kid names a key of another DID than ${did.slice(0, 80)}`,
      {
        details: { kid: kid.slice(0, 200), reason: 'otherDid' },
      },
    )
  }
  const document = await resolveDidDocument(resolver, kidDid)
  const memo = keysByDocument.get(document)?.get(relationship)?.get(kid)
  if (memo !== undefined) return memo
  const method = findVerificationMethod(document, kid, relationship)
  const result = { publicJwk: await publicJwkFromVerificationMethod(method, signed), method, document }
  // A key recovered from a signature belongs to that signature only.
  if (Object.isFrozen(document) && accountAddress(method) === undefined) {
    Object.freeze(result.publicJwk)
    const byRelationship = keysByDocument.get(document) ?? new Map()
    keysByDocument.set(document, byRelationship)
    const byKid = byRelationship.get(relationship) ?? new Map()
    byRelationship.set(relationship, byKid)
    byKid.set(kid, result)
  }
  return result
}
