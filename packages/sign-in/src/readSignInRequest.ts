import {
  CivitasError,
  type Clock,
  decodeBase64urlJson,
  type JsonObject,
  readResponseText,
  systemClock,
} from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import { REQUEST_OBJECT_TYP } from './internal/buildRequestObject.js'
import { type ClientId, parseClientId } from './internal/clientId.js'
import { readDcqlQuery } from './internal/dcql.js'
import { checkFetchUrl, type FetchLike, fetchOnce } from './internal/fetchOnce.js'
import { verifyDidSignedJwt } from './internal/verifyDidSignedJwt.js'
import type { DcqlQuery } from './types.js'

/** Options for {@link readSignInRequest}. */
export interface ReadSignInRequestOptions {
  /** Resolves the relying party's DID. */
  resolver: Resolvable
  /** Fetches the request object (default the platform's `fetch`). */
  fetch?: FetchLike
  /** Accept plain `http:` on loopback addresses (development only). */
  allowLoopbackHttp?: boolean
  clock?: Clock
}

/** A checked sign-in request, ready to answer. */
export interface SignInRequest {
  /** The full client id, prefix included; presentations are bound to it. */
  clientId: string
  /** The relying party's DID for `decentralized_identifier:` client ids. */
  clientDid?: string
  responseUri: string
  nonce: string
  state: string
  query: DcqlQuery
  /**
   * Whether the relying party asks for a SIOPv2 ID token too (`response_type=vp_token id_token`);
   * with `vp_token` alone the answer carries presentations only.
   */
  idToken: boolean
}

const MAX_REQUEST_OBJECT_BYTES = 65_536

/**
 * Reads the QR text of a cross-device sign-in (`openid4vp://?client_id=…&request_uri=…`), fetches
 * the request object without following redirects, and checks it: the same `client_id` as the QR;
 * for `decentralized_identifier:` a signature by an `authentication` key of that DID, and for a
 * `did:web` client a `response_uri` on its host; for `redirect_uri:` an unsigned request whose
 * `response_uri` is that URI; `direct_post`, a `response_type` of `vp_token` (OpenID4VP alone) or
 * `vp_token id_token` (with SIOPv2), a fresh nonce and state, and a well-formed DCQL query.
 *
 * @see https://openid.net/specs/openid-4-verifiable-presentations-1_0.html (request_uri, client identifier
 *   prefixes)
 * @throws `ERR_REQUEST_INVALID`, `ERR_FETCH_FAILED`, and the codes of JWS and DID checks.
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { readSignInRequest } from '@civitas/sign-in'
 *
 * declare const scanned: string
 * const request = await readSignInRequest(scanned, { resolver: createResolver() })
 * console.log(request.clientId, request.query.credentials.map((credential) => credential.id))
 * ```
 */
export async function readSignInRequest(
  qrText: string,
  options: ReadSignInRequestOptions,
): Promise<SignInRequest> {
  const { clock = systemClock } = options
  const development = options.allowLoopbackHttp === true
  const { clientId, requestUri } = readQrText(qrText)
  const response = await fetchOnce(checkFetchUrl(requestUri, development, 'request_uri'), {
    fetch: options.fetch,
    init: { headers: { accept: `application/${REQUEST_OBJECT_TYP}` } },
  })
  if (!response.ok) throw invalid(`request_uri answered HTTP ${response.status}`)
  const token = (
    await readResponseText(response, { maxBytes: MAX_REQUEST_OBJECT_BYTES, name: 'request object' })
  ).trim()
  const claims =
    clientId.prefix === 'decentralized_identifier'
      ? await verifyDidSignedJwt({
          token,
          did: clientId.did,
          typ: REQUEST_OBJECT_TYP,
          resolver: options.resolver,
          maxLength: MAX_REQUEST_OBJECT_BYTES,
          mismatch: 'ERR_REQUEST_INVALID',
        })
      : readUnsignedRequest(token)
  return checkRequestClaims(claims, clientId, development, clock())
}

function readQrText(text: string): { clientId: ClientId; requestUri: string } {
  let url: URL
  try {
    url = new URL(String(text).slice(0, 4096))
  } catch {
    throw invalid('the QR code is not an openid4vp:// URL')
  }
  const keys = [...url.searchParams.keys()].sort()
  if (url.protocol !== 'openid4vp:' || keys.join() !== 'client_id,request_uri') {
    throw invalid('the QR code must carry exactly client_id and request_uri')
  }
  return {
    clientId: parseClientId(url.searchParams.get('client_id')),
    requestUri: url.searchParams.get('request_uri') ?? '',
  }
}

function readUnsignedRequest(token: string): JsonObject {
  const [header, payload, signature] = token.split('.')
  const parsedHeader = decodeBase64urlJson(header ?? '', { name: 'request object header' }) as JsonObject
  if (parsedHeader.alg !== 'none' || signature !== '' || parsedHeader.typ !== REQUEST_OBJECT_TYP) {
    throw invalid('a redirect_uri: request must be an unsigned oauth-authz-req+jwt')
  }
  const claims = decodeBase64urlJson(payload ?? '', {
    name: 'request object',
    maxLength: MAX_REQUEST_OBJECT_BYTES,
  })
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    throw invalid('expected JSON claims')
  return claims
}

function checkRequestClaims(
  claims: JsonObject,
  clientId: ClientId,
  development: boolean,
  now: number,
): SignInRequest {
  if (claims.client_id !== clientId.value)
    throw invalid('the request object names another client_id than the QR code')
  if (claims.response_mode !== 'direct_post') throw invalid('response_mode must be direct_post')
  const responseType =
    typeof claims.response_type === 'string' ? claims.response_type.split(' ').sort().join(' ') : ''
  if (responseType !== 'vp_token' && responseType !== 'id_token vp_token') {
    throw invalid('response_type must be vp_token or vp_token id_token')
  }
  const responseUri = checkFetchUrl(String(claims.response_uri ?? ''), development, 'response_uri')
  if (clientId.prefix === 'redirect_uri' && responseUri !== clientId.responseUri) {
    throw invalid('response_uri must be the redirect_uri: client id')
  }
  if (clientId.prefix === 'decentralized_identifier' && clientId.did.startsWith('did:web:')) {
    const host = decodeURIComponent(clientId.did.slice('did:web:'.length).split(':')[0] ?? '')
    if (new URL(responseUri).host !== host)
      throw invalid('response_uri must be on the host of the did:web client')
  }
  for (const name of ['nonce', 'state'] as const) {
    const value = claims[name]
    if (typeof value !== 'string' || value.length < 22 || value.length > 512) {
      throw invalid(`${name} must be a string of at least 128 bits`)
    }
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) throw invalid('the request has expired')
  return {
    clientId: clientId.value,
    ...(clientId.prefix === 'decentralized_identifier' ? { clientDid: clientId.did } : {}),
    responseUri,
    nonce: claims.nonce as string,
    state: claims.state as string,
    query: readDcqlQuery(claims.dcql_query, 'ERR_REQUEST_INVALID'),
    idToken: responseType === 'id_token vp_token',
  }
}

function invalid(what: string): CivitasError {
  return new CivitasError('ERR_REQUEST_INVALID', `sign-in request: ${what}`)
}
