import { type Clock, systemClock } from '@civitas/core'
import type { Identity, Resolvable } from '@civitas/did'
import { createMemoryNonceStore } from './createMemoryNonceStore.js'
import { acceptSignInResponse } from './internal/acceptSignInResponse.js'
import { parseClientId } from './internal/clientId.js'
import { createTransactionStore } from './internal/createTransactionStore.js'
import { readDcqlQuery } from './internal/dcql.js'
import { readSignInStatus } from './internal/readSignInStatus.js'
import { redirectAnswer, statusIdOfResponseCode } from './internal/responseRedirect.js'
import { routeSignInRequest } from './internal/routeSignInRequest.js'
import { serveRequestObject } from './internal/serveRequestObject.js'
import { type Transaction, verifySignInResponse } from './internal/verifySignInResponse.js'
import type { DcqlQuery, NonceStore, SignInReport, SignInStatus, SignInVerifier } from './types.js'

/** Options for {@link createSignInRelyingParty}; `R` is the verifier's report type. */
export interface CreateSignInRelyingPartyOptions<R extends SignInReport = SignInReport> {
  /** The public URL the handler is mounted at, e.g. `https://portal.city.example/sign-in`. */
  baseUrl: string
  /**
   * Checks the presentations (trust policy, status, schemas); its audience and nonce come from each
   * transaction. Usually `createVerifier` of `@civitas/verifier` (install it beside this package).
   */
  verifier: SignInVerifier<R>
  /** Resolves holders' DIDs for the SIOPv2 ID token. */
  resolver: Resolvable
  /**
   * The relying party's DID identity: its client id is then `decentralized_identifier:<did>` and its
   * request objects are signed with `identity.kid` (under `authentication`). Without one, the client
   * id is `redirect_uri:<baseUrl>/response` and requests are unsigned.
   */
  identity?: Identity
  /**
   * Ask for a SIOPv2 ID token beside the presentations (`response_type=vp_token id_token`, the
   * default). With `false` the request is plain OpenID4VP 1.0 (`response_type=vp_token`), for
   * wallets without SIOPv2: the person is then the holder DID of every presentation (for SD-JWT VCs
   * the credential's `sub`, bound to its `cnf` key by the key-binding JWT; one without `sub` is refused).
   */
  idToken?: boolean
  /**
   * The page a wallet on the same device sends the person back to once its answer is accepted: the
   * response endpoint answers `{ redirect_uri }` with a fresh `response_code` in the fragment
   * (OpenID4VP 1.0 §8.2), and the page reads the result at `GET <base>/result/<response_code>`.
   */
  redirectUri?: string
  /** Transactions and single-use responses (default in memory; share a Redis store across instances). */
  store?: NonceStore
  /** How long a sign-in may take, in milliseconds (default 5 minutes). */
  transactionTtlMs?: number
  /** Largest response body accepted, in bytes (default 256 KiB). */
  maxResponseBytes?: number
  clock?: Clock
  /** Clock skew allowed on ID tokens, in milliseconds (default 60 s). */
  clockSkewMs?: number
}

/** A started sign-in: what the page shows and polls. */
export interface SignInStart {
  /** The secret id the page polls status with (never shown in the QR code). */
  id: string
  /** The QR code's text: `openid4vp://?client_id=…&request_uri=…`. */
  qr: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/** The relying party of "sign in with your wallet"; results carry the verifier's reports (`R`). */
export interface SignInRelyingParty<R extends SignInReport = SignInReport> {
  readonly clientId: string
  /** Starts a sign-in asking for the credentials of a DCQL query. */
  start(options: { query: DcqlQuery }): Promise<SignInStart>
  /** Where a sign-in stands; `complete` carries the result. */
  status(id: string): Promise<SignInStatus<R>>
  /**
   * Serves `GET <base>/request/:id` (the request object), `POST <base>/response` (the wallet's
   * `direct_post`), `GET <base>/status/:id` (the page's polling, JSON) and, with `redirectUri`,
   * `GET <base>/result/:responseCode` (the status, for the page the wallet redirected to).
   */
  handler(request: Request): Promise<Response>
}

const DEFAULT_TTL_MS = 5 * 60_000

/**
 * Creates the relying party of the OpenID4VP cross-device flow with SIOPv2: `start` makes a
 * transaction (fresh 256-bit nonce and state) and the QR text; the wallet fetches the request object
 * and posts its answer to the handler, which verifies the ID token and every presentation and
 * accepts each transaction's answer at most once across every instance sharing the store.
 *
 * @see https://openid.net/specs/openid-4-verifiable-presentations-1_0.html (cross-device flow,
 *   `direct_post`, DCQL) and https://openid.net/specs/openid-connect-self-issued-v2-1_0.html
 * @throws `TypeError` for a `baseUrl` that is not a URL; `ERR_REQUEST_INVALID` for a client id of
 *   another prefix. `start` throws `ERR_INVALID_ARGUMENT` for a malformed DCQL query and whatever the
 *   store throws (`ERR_STORE_UNAVAILABLE`). The handler never throws: a refused answer is a 400 (503,
 *   also for `GET …/request/:id` and `GET …/status/:id`, when the store is down) whose JSON body carries the `code` (`ERR_STATE_MISMATCH`,
 *   `ERR_TRANSACTION_EXPIRED`, `ERR_NONCE_REPLAYED`, `ERR_NONCE_MISMATCH`, `ERR_AUDIENCE_MISMATCH`,
 *   `ERR_HOLDER_MISMATCH`, `ERR_PRESENTATION_INVALID`, `ERR_REQUEST_INVALID`, ...).
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { createSignInRelyingParty } from '@civitas/sign-in'
 * import { createVerifier } from '@civitas/verifier'
 *
 * declare const cityDid: string
 * const resolver = createResolver()
 * const signIn = createSignInRelyingParty({
 *   baseUrl: 'https://portal.city.example/sign-in',
 *   resolver,
 *   verifier: createVerifier({ resolver, trust: { ResidencyCard: [cityDid] } }),
 * })
 * const { id, qr } = await signIn.start({
 *   query: { credentials: [{ id: 'residency', format: 'vc+jwt', meta: { type_values: [['ResidencyCard']] } }] },
 * })
 * // Show `qr` as a QR code; poll `signIn.status(id)` (or GET <base>/status/<id>) until it is complete.
 * ```
 */
export function createSignInRelyingParty<R extends SignInReport = SignInReport>(
  options: CreateSignInRelyingPartyOptions<R>,
): SignInRelyingParty<R> {
  const { verifier, resolver, identity, clock = systemClock } = options
  const idToken = options.idToken ?? true
  const base = new URL(options.baseUrl)
  const baseUrl = base.href.replace(/\/+$/, '')
  const basePath = base.pathname.replace(/\/+$/, '')
  const responseUri = `${baseUrl}/response`
  const clientId = parseClientId(
    identity === undefined ? `redirect_uri:${responseUri}` : `decentralized_identifier:${identity.did}`,
  )
  const store = options.store ?? createMemoryNonceStore({ clock })
  const transactions = createTransactionStore<R>(store, {
    clock,
    ttlMs: options.transactionTtlMs ?? DEFAULT_TTL_MS,
  })
  const maxBytes = options.maxResponseBytes ?? 262_144
  const skewMs = options.clockSkewMs ?? 60_000
  const requestObjects = { clientId, ...(identity === undefined ? {} : { identity }), responseUri, idToken }
  const verify = (form: URLSearchParams, transaction: Transaction) =>
    verifySignInResponse({
      form,
      transaction,
      clientId: clientId.value,
      idToken,
      verifier,
      resolver,
      now: clock(),
      skewMs,
    })
  const status = (id: string): Promise<SignInStatus<R>> => readSignInStatus(transactions, id, clock())
  // Same-device flow: the wallet sends the person back with a one-time code that reads the result.
  const { redirectUri } = options
  const redirect =
    redirectUri === undefined
      ? {}
      : {
          redirect: (transaction: Transaction) =>
            redirectAnswer(store, redirectUri, transaction.statusId, transactions.keepMs),
        }
  const result =
    redirectUri === undefined
      ? {}
      : {
          result: async (responseCode: string): Promise<SignInStatus<R>> => {
            const statusId = await statusIdOfResponseCode(store, responseCode)
            return statusId === undefined ? { status: 'expired' } : status(statusId)
          },
        }
  return {
    clientId: clientId.value,
    async start({ query }) {
      const transaction = await transactions.open(readDcqlQuery(query, 'ERR_INVALID_ARGUMENT'))
      const requestUri = `${baseUrl}/request/${transaction.requestId}`
      const qr = `openid4vp://?${new URLSearchParams({ client_id: clientId.value, request_uri: requestUri })}`
      return { id: transaction.statusId, qr, expiresAt: transaction.expiresAt }
    },
    status,
    handler: (request) =>
      routeSignInRequest(request, basePath, {
        response: (posted) =>
          acceptSignInResponse(posted, { transactions, verify, maxBytes, now: clock, ...redirect }),
        requestObject: async (id) =>
          serveRequestObject(await transactions.byRequestId(id), requestObjects, clock()),
        status,
        ...result,
      }),
  }
}
