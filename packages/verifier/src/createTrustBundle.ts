import {
  CivitasError,
  type Clock,
  type DidDocument,
  isCivitasError,
  type JsonObject,
  systemClock,
} from '@civitas/core'
import { signJws } from '@civitas/crypto'
import { createResolver, type Identity, type Resolvable, resolveDidDocument } from '@civitas/did'
import { verifyBundledList } from './internal/bundledList.js'
import { TRUST_BUNDLE_MAX_ENTRIES, TRUST_BUNDLE_TYP } from './internal/trustBundleFormat.js'

/** An issuer to put in a trust bundle; its DID document is resolved when not given. */
export interface TrustBundleIssuerInput {
  /** The issuer's DID. */
  id: string
  /** Credential types (VC `type` entries or SD-JWT `vct` values) it may issue. */
  types: readonly string[]
  /** Its DID document; resolved with `resolver` when omitted. */
  didDocument?: DidDocument
  /** A display name for screens and logs. */
  name?: string
}

/** Options for {@link createTrustBundle}. */
export interface CreateTrustBundleOptions {
  /** The trust authority (a city, a health ministry) that signs the bundle with its assertion key. */
  authority: Identity
  /** The issuers it vouches for, each with the credential types it may issue. */
  issuers: readonly TrustBundleIssuerInput[]
  /**
   * Signed status lists, as the issuers publish them, for offline status checks: W3C status list
   * credentials and `statuslist+jwt` tokens (IETF Token Status List, for SD-JWT VCs). Each must be
   * signed by one of `issuers` with a key in its DID document, and be valid now.
   */
  lists?: readonly string[]
  /** How long the bundle is valid, in milliseconds. */
  validForMs: number
  /** Resolves issuers' DID documents that are not given (default: did:key and did:jwk). */
  resolver?: Resolvable
  clock?: Clock
}

/** What {@link createTrustBundle} made. */
export interface CreateTrustBundleResult {
  /** The signed bundle (a compact JWS, `typ: civitas-trust-bundle+jwt`). */
  token: string
  issuedAt: number
  expiresAt: number
}

/**
 * Signs a trust bundle: what a trust authority publishes so that its verifiers work offline — the
 * issuers it trusts with the credential types each may issue, their DID documents, their current
 * status lists, and an expiry. A verifier given the bundle (`createVerifier({ bundle, bundleAuthority })`)
 * resolves, checks status and applies trust from it alone.
 *
 * An issuer's `types` are what the verifier's `trust` policy is keyed by: VC `type` entries
 * (`QuarantinePass`) for W3C credentials, `vct` values (`urn:civitas:vct:quarantine-pass:1`) for SD-JWT
 * VCs. Every list is verified before it is signed into the bundle: a W3C `BitstringStatusListCredential`
 * or a `statuslist+jwt` token, valid now, signed by a bundled issuer with a key from the DID document
 * in the bundle.
 *
 * @see https://www.w3.org/TR/did-core/ (DID documents), https://www.w3.org/TR/vc-bitstring-status-list/,
 *   https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/ (status list tokens)
 * @throws `ERR_INVALID_ARGUMENT` for a missing authority, a non-positive `validForMs`, an issuer without a
 *   DID or types, a DID document whose `id` is not the issuer's, more than 1,024 issuers or lists, or a
 *   list that does not verify or is not signed by a bundled issuer (`details.reason` names the underlying
 *   code, e.g. `ERR_UNTRUSTED_ISSUER`, `ERR_STATUS_LIST_INVALID`); the resolution codes
 *   (`ERR_DID_NOT_FOUND`, …) when an issuer's DID document cannot be resolved.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidKey } from '@civitas/did/key'
 * import { createTrustBundle } from '@civitas/verifier'
 *
 * const keyStore = createMemoryKeyStore()
 * const ministry = await createDidKey({ keyStore, alg: 'ES256' })
 * const healthAuthority = await createDidKey({ keyStore, alg: 'EdDSA' })
 * declare const statusList: string // the health authority's signed status list credential
 * const { token } = await createTrustBundle({
 *   authority: ministry,
 *   issuers: [{ id: healthAuthority.did, types: ['QuarantinePass'], name: 'Jeju Health Authority' }],
 *   lists: [statusList],
 *   validForMs: 24 * 3600_000,
 * })
 * ```
 */
export async function createTrustBundle(options: CreateTrustBundleOptions): Promise<CreateTrustBundleResult> {
  const { authority, issuers, lists = [], validForMs, clock = systemClock } = options
  if (typeof authority?.did !== 'string' || typeof authority.signer?.sign !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'createTrustBundle: authority must be an Identity')
  }
  if (!Number.isSafeInteger(validForMs) || validForMs <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'validForMs: expected a positive integer of milliseconds')
  }
  if (!Array.isArray(issuers) || issuers.length > TRUST_BUNDLE_MAX_ENTRIES) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `issuers: expected an array of at most ${TRUST_BUNDLE_MAX_ENTRIES}`,
    )
  }
  if (
    !Array.isArray(lists) ||
    lists.length > TRUST_BUNDLE_MAX_ENTRIES ||
    lists.some((list) => typeof list !== 'string')
  ) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'lists: expected an array of signed status list credentials',
    )
  }
  const resolver = options.resolver ?? createResolver()
  const entries: JsonObject[] = []
  for (const issuer of issuers) entries.push(await issuerEntry(issuer, resolver))
  await checkLists(lists, entries as unknown as { id: string; didDocument: DidDocument }[], clock)
  const issuedAt = clock()
  const expiresAt = issuedAt + validForMs
  const token = await signJws({
    header: { typ: TRUST_BUNDLE_TYP, kid: authority.kid },
    payload: {
      iss: authority.did,
      iat: Math.floor(issuedAt / 1000),
      exp: Math.floor(expiresAt / 1000),
      issuers: entries,
      lists: [...lists],
    },
    signer: authority.signer,
  })
  return {
    token,
    issuedAt: Math.floor(issuedAt / 1000) * 1000,
    expiresAt: Math.floor(expiresAt / 1000) * 1000,
  }
}

async function issuerEntry(issuer: TrustBundleIssuerInput, resolver: Resolvable): Promise<JsonObject> {
  const { id, types, name } = issuer ?? ({} as TrustBundleIssuerInput)
  if (typeof id !== 'string' || !id.startsWith('did:')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'issuers[].id: expected a DID')
  }
  if (!Array.isArray(types) || types.length === 0 || types.some((type) => typeof type !== 'string')) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `issuers[].types: expected credential types for ${id.slice(0, 80)}`,
    )
  }
  const didDocument = issuer.didDocument ?? (await resolveDidDocument(resolver, id))
  if (didDocument.id !== id) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `issuers[].didDocument: its id is not ${id.slice(0, 80)}`)
  }
  return {
    id,
    types: [...types],
    didDocument: JSON.parse(JSON.stringify(didDocument)) as JsonObject,
    ...(name === undefined ? {} : { name }),
  }
}

async function checkLists(
  lists: readonly string[],
  issuers: readonly { id: string; didDocument: DidDocument }[],
  clock: Clock,
): Promise<void> {
  for (const [index, list] of lists.entries()) {
    try {
      await verifyBundledList(list, issuers, clock)
    } catch (cause) {
      const reason = isCivitasError(cause) ? cause.code : 'ERR_STATUS_LIST_INVALID'
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `lists[${index}]: not a status list signed by a bundled issuer (${reason})`,
        { cause, details: { index, reason } },
      )
    }
  }
}
