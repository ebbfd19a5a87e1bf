import { CivitasError, type Clock } from '@civitas/core'
import { verifyCredential } from '@civitas/credentials'
import type { Identity, Resolvable } from '@civitas/did'
import { matchDcqlQuery, readSignInRequest, respondToSignIn } from '@civitas/sign-in'
import type { CredentialStore } from '../types.js'
import type { RespondOptions, RespondResult, SignInMatch } from './respondTypes.js'

/**
 * Reads and checks a sign-in request, finds the stored credentials that answer it (re-verified, so
 * none expired or broken is offered), asks the caller to approve, then presents and posts.
 */
export async function answerSignIn(
  qrText: string,
  options: RespondOptions,
  wallet: {
    identity: Identity
    credentialStore: CredentialStore
    resolver: Resolvable
    clock: Clock
    /** The relying party's pairwise identity, when the wallet makes them. */
    identityFor?: (clientId: string) => Promise<Identity>
  },
): Promise<RespondResult> {
  const { resolver, clock } = wallet
  const request = await readSignInRequest(qrText, {
    resolver,
    clock,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.allowLoopbackHttp === undefined ? {} : { allowLoopbackHttp: options.allowLoopbackHttp }),
  })
  const candidates: SignInMatch[] = []
  for (const record of await wallet.credentialStore.list({ validAt: clock() })) {
    const verified = await verifyCredential(record.token, { resolver, clock }).catch(() => undefined)
    if (verified !== undefined)
      candidates.push({ record, credential: verified.credential, format: record.format, types: record.types })
  }
  const pairwise = await wallet.identityFor?.(request.clientId)
  const pairwiseCandidates = candidates.filter((candidate) => candidate.record.subject === pairwise?.did)
  const pairwiseMatches = matchDcqlQuery(request.query, pairwiseCandidates)
  // The relying party's own DID answers when credentials issued to it do; the main DID otherwise.
  const usePairwise =
    pairwise !== undefined &&
    request.query.credentials.every((query) => (pairwiseMatches[query.id] ?? []).length > 0)
  const holder = usePairwise ? pairwise : wallet.identity
  const matches = usePairwise ? pairwiseMatches : matchDcqlQuery(request.query, candidates)
  const unanswered = request.query.credentials.filter((query) => (matches[query.id] ?? []).length === 0)
  if (unanswered.length > 0) {
    throw new CivitasError(
      'ERR_CREDENTIAL_NOT_FOUND',
      'the wallet holds no valid credential this sign-in asks for',
      {
        details: { queries: unanswered.map((query) => query.id) },
      },
    )
  }
  const approval = await options.approve({
    clientId: request.clientId,
    holder: holder.did,
    ...(request.clientDid === undefined ? {} : { clientDid: request.clientDid }),
    matches,
  })
  if (approval === false)
    return { clientId: request.clientId, holder: holder.did, shared: {}, declined: true }
  const shared: Record<string, string[]> = {}
  for (const query of request.query.credentials) {
    const offered = matches[query.id] ?? []
    const chosen = approval === true ? [offered[0]?.record.id ?? ''] : (approval[query.id] ?? [])
    if (chosen.length === 0 || !chosen.every((id) => offered.some((match) => match.record.id === id))) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `approve: choose among the offered credentials for "${query.id}"`,
      )
    }
    shared[query.id] = chosen
  }
  const tokens = Object.fromEntries(
    Object.entries(shared).map(([id, ids]) => [
      id,
      ids.map((recordId) => candidates.find((c) => c.record.id === recordId)?.record.token ?? ''),
    ]),
  )
  const answer = await respondToSignIn({
    request,
    holder,
    credentials: tokens,
    clock,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  const redirectUri = redirectUriOf(answer.body)
  return {
    clientId: request.clientId,
    holder: holder.did,
    shared,
    declined: false,
    ...(redirectUri === undefined ? {} : { redirectUri }),
  }
}

/** The relying party's `redirect_uri`, when its answer names an http(s) one (nothing else is opened). */
function redirectUriOf(body: string): string | undefined {
  try {
    const { redirect_uri: redirectUri } = JSON.parse(body) as { redirect_uri?: unknown }
    if (typeof redirectUri !== 'string') return undefined
    const { protocol } = new URL(redirectUri)
    return protocol === 'https:' || protocol === 'http:' ? redirectUri : undefined
  } catch {
    return undefined
  }
}
