import { CivitasError, type JsonObject, parseJson } from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import type { DcqlQuery, SignInExpectations, SignInReport, SignInResult, SignInVerifier } from '../types.js'
import { hasClaim, hasRequestedTypes, requestedTypes } from './dcql.js'
import { verifyIdToken } from './verifyIdToken.js'

/** The transaction a response answers, as the relying party stored it. */
export interface Transaction {
  requestId: string
  statusId: string
  nonce: string
  state: string
  query: DcqlQuery
  expiresAt: number
}

const MAX_PRESENTATIONS = 16

/**
 * Verifies a wallet's `direct_post` answer to a transaction: the SIOPv2 ID token names the person
 * (or, when the request asked for presentations only, the first presentation's holder does);
 * the `vp_token` answers every credential query (and nothing else); every presentation passes the
 * verifier bound to the full client id and the nonce, with holder binding required whatever the
 * verifier's default, is made by that same person, and carries the types and claims asked for, with
 * its issuer trusted for a type the query asks for. One failure rejects the whole response.
 *
 * @throws the first failure's code: `ERR_REQUEST_INVALID` for a malformed response, the verifier's
 *   codes, `ERR_HOLDER_MISMATCH`, `ERR_TYPE_NOT_ACCEPTED`, `ERR_CLAIM_MISSING`, and the ID token's.
 */
export async function verifySignInResponse<R extends SignInReport>(options: {
  form: URLSearchParams
  transaction: Transaction
  clientId: string
  /** Whether the request asked for a SIOPv2 ID token (`vp_token id_token`) or presentations only. */
  idToken: boolean
  verifier: SignInVerifier<R>
  resolver: Resolvable
  now: number
  skewMs: number
}): Promise<SignInResult<R>> {
  const { form, transaction, clientId } = options
  const idToken = form.get('id_token')
  if (options.idToken && idToken === null)
    throw new CivitasError('ERR_REQUEST_INVALID', 'the response has no id_token')
  if (!options.idToken && idToken !== null)
    throw new CivitasError('ERR_REQUEST_INVALID', 'the response has an id_token this request did not ask for')
  // Without an ID token the person is the holder of the first presentation, and of every other one.
  let did =
    idToken === null
      ? undefined
      : await verifyIdToken({
          token: idToken,
          clientId,
          nonce: transaction.nonce,
          resolver: options.resolver,
          now: options.now,
          skewMs: options.skewMs,
        })
  const vpToken = readVpToken(form.get('vp_token'), transaction.query)
  const credentials: Record<string, R[]> = {}
  const claims: JsonObject = {}
  for (const query of transaction.query.credentials) {
    const reports: R[] = []
    for (const presentation of vpToken[query.id] ?? []) {
      const report = await options.verifier.check(presentation, presentationExpectations(query, options))
      if (!report.ok)
        throw report.error ?? new CivitasError('ERR_PRESENTATION_INVALID', 'a presentation failed')
      // Without an ID token the holder must be a DID: an SD-JWT VC without `sub` names only a key.
      did ??= report.holder?.startsWith('did:') === true ? report.holder : undefined
      if (report.holder === undefined || report.holder !== did) {
        throw new CivitasError(
          'ERR_HOLDER_MISMATCH',
          'a presentation was made by someone other than the person signing in',
        )
      }
      for (const credential of report.credentials ?? []) checkAnswers(credential, query)
      Object.assign(claims, ...(report.credentials ?? []).map((credential) => credential.claims ?? {}))
      reports.push(report)
    }
    credentials[query.id] = reports
  }
  if (did === undefined) throw new CivitasError('ERR_REQUEST_INVALID', 'the response names no holder')
  return { did, claims, credentials }
}

/** What the verifier checks each presentation of a credential query against. */
function presentationExpectations(
  query: DcqlQuery['credentials'][number],
  options: { clientId: string; transaction: Transaction },
): SignInExpectations {
  const types = requestedTypes(query)
  return {
    audience: options.clientId,
    nonce: options.transaction.nonce,
    holderBinding: 'required',
    ...(types === undefined ? {} : { types }),
  }
}

function checkAnswers(credential: SignInReport, query: DcqlQuery['credentials'][number]): void {
  if (!hasRequestedTypes(credential.listedTypes ?? [], query, credential.types ?? [])) {
    throw new CivitasError(
      'ERR_TYPE_NOT_ACCEPTED',
      `a credential for "${query.id}" lacks the requested types`,
    )
  }
  const claims = credential.claims ?? {}
  const subject = query.format === 'dc+sd-jwt' ? claims : { credentialSubject: claims }
  for (const claim of query.claims ?? []) {
    if (!hasClaim(subject, claim)) {
      throw new CivitasError(
        'ERR_CLAIM_MISSING',
        `a credential for "${query.id}" lacks ${claim.path.join('.')}`,
      )
    }
  }
}

/** The `vp_token`: a JSON object keyed by exactly the query ids, each a list of presentation tokens. */
function readVpToken(value: string | null, query: DcqlQuery): Record<string, string[]> {
  const invalid = (what: string) => new CivitasError('ERR_REQUEST_INVALID', `vp_token: ${what}`)
  if (value === null) throw invalid('missing')
  const parsed = parseJson(value, { name: 'vp_token', maxDepth: 4 })
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid('expected a JSON object')
  const ids = query.credentials.map((credential) => credential.id)
  const keys = Object.keys(parsed)
  if (keys.length !== ids.length || !ids.every((id) => keys.includes(id))) {
    throw invalid(`must answer exactly the credential queries ${ids.join(', ')}`)
  }
  for (const id of ids) {
    const presentations = parsed[id]
    if (
      !Array.isArray(presentations) ||
      presentations.length === 0 ||
      presentations.length > MAX_PRESENTATIONS ||
      !presentations.every((token) => typeof token === 'string')
    ) {
      throw invalid(`"${id}" must be a list of 1 to ${MAX_PRESENTATIONS} presentations`)
    }
  }
  return parsed as Record<string, string[]>
}
