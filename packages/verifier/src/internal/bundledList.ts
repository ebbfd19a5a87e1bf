import { CivitasError, type Clock, type DidDocument, type JsonObject } from '@civitas/core'
import { verifyCredential } from '@civitas/credentials'
import { decodeJws } from '@civitas/crypto'
import type { Resolvable } from '@civitas/did'
import { STATUS_LIST_TOKEN_TYP, verifyStatusListToken } from '@civitas/status-list'
import { bundleResolver } from './bundleResolver.js'

/** The issuer a bundled status list names, and its format; read, not verified. */
export interface BundledListIssuer {
  issuer: string
  format: 'statuslist+jwt' | 'w3c'
}

/**
 * Reads which issuer a bundled status list names: `iss` of a `statuslist+jwt` token, `iss` (or
 * `issuer`) of a W3C status list credential. Verifies nothing.
 *
 * @throws `ERR_JWS_MALFORMED` for a token that is not a compact JWS, `ERR_CREDENTIAL_INVALID` when it
 *   names no issuer.
 */
export function readBundledListIssuer(token: string): BundledListIssuer {
  const { header, payload } = decodeJws(token)
  const format = header.typ === STATUS_LIST_TOKEN_TYP ? 'statuslist+jwt' : 'w3c'
  const issuer = payload.iss ?? idOf(payload.issuer)
  if (typeof issuer !== 'string' || !issuer.startsWith('did:')) {
    throw new CivitasError('ERR_CREDENTIAL_INVALID', 'the status list names no issuer DID')
  }
  return { issuer, format }
}

/**
 * Verifies a status list for a trust bundle: a `statuslist+jwt` token or a W3C status list credential,
 * signed by one of `issuers` with a key from its bundled DID document (no other DID is resolved).
 *
 * @throws `ERR_UNTRUSTED_ISSUER` when the list names an issuer outside `issuers`; the codes of
 *   `verifyStatusListToken` (`ERR_STATUS_LIST_INVALID`) and `verifyCredential` otherwise.
 */
export async function verifyBundledList(
  token: string,
  issuers: readonly { id: string; didDocument: DidDocument }[],
  clock: Clock,
): Promise<BundledListIssuer> {
  const named = readBundledListIssuer(token)
  if (!issuers.some(({ id }) => id === named.issuer)) {
    throw new CivitasError(
      'ERR_UNTRUSTED_ISSUER',
      `the status list is issued by ${named.issuer.slice(0, 80)}, which the bundle does not list`,
    )
  }
  const resolver = bundleResolver(
    issuers.map(({ didDocument }) => didDocument),
    bundledOnly,
  )
  if (named.format === 'statuslist+jwt') {
    const { payload } = decodeJws(token)
    await verifyStatusListToken(token, { resolver, uri: String(payload.sub), issuer: named.issuer, clock })
    return named
  }
  const verified = await verifyCredential(token, { resolver, clock })
  if (!verified.types.includes('BitstringStatusListCredential') || verified.issuer !== named.issuer) {
    throw new CivitasError('ERR_CREDENTIAL_INVALID', 'expected a BitstringStatusListCredential')
  }
  return named
}

function idOf(issuer: unknown): unknown {
  return typeof issuer === 'object' && issuer !== null ? (issuer as JsonObject).id : issuer
}

/** Resolves nothing: a bundled list must be signed with a key from a bundled DID document. */
const bundledOnly: Resolvable = {
  async resolve(didUrl) {
    return {
      didResolutionMetadata: { error: 'notFound', message: `${didUrl.slice(0, 80)} is not in the bundle` },
      didDocument: null,
      didDocumentMetadata: {},
    } as Awaited<ReturnType<Resolvable['resolve']>>
  },
}
