import { CivitasError } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import type { Identity, Resolvable } from '@civitas/did'
import { createSignInRelyingParty, type DcqlQuery, type NonceStore } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'

/** The poll asks only whether the person is a member of the community: nothing else is requested. */
export const MEMBERSHIP_QUERY: DcqlQuery = {
  credentials: [
    {
      id: 'membership',
      format: 'vc+jwt',
      meta: { type_values: [['MembershipCard']] },
      claims: [{ path: ['credentialSubject', 'community'] }],
    },
  ],
}

/** One poll server; several share a store, so each member votes once across all of them. */
export interface PollOptions {
  pollId: string
  question: string
  choices: readonly string[]
  community: string
  /** Issues the community's membership cards; only its cards count. */
  association: Identity
  resolver: Resolvable
  store: NonceStore
  /** Where this server's sign-in handler is mounted. */
  baseUrl: string
}

const KEEP_MS = 7 * 24 * 3600_000

/**
 * A member-only poll: voters sign in with a membership card (OpenID4VP), each DID votes once per
 * poll whichever server it reaches (an atomic claim in the shared store), ballots are kept apart
 * from voters (a random receipt and the choice), and the tally is published as a credential signed
 * by the association, listing every accepted ballot.
 */
export function createPoll(options: PollOptions) {
  const { pollId, store } = options
  const signIn = createSignInRelyingParty({
    baseUrl: options.baseUrl,
    resolver: options.resolver,
    identity: options.association,
    store,
    verifier: createVerifier({
      resolver: options.resolver,
      trust: { MembershipCard: [options.association.did] },
    }),
  })

  async function ballots(): Promise<{ receipt: string; choice: string }[]> {
    const found = []
    for (let slot = 0; ; slot++) {
      const ballot = await store.get(`ballot:${pollId}:${slot}`)
      if (ballot === undefined) return found
      found.push(JSON.parse(ballot) as { receipt: string; choice: string })
    }
  }

  return {
    handler: signIn.handler,
    startSignIn: () => signIn.start({ query: MEMBERSHIP_QUERY }),
    /** Casts the vote of the member signed in by sign-in `signInId`; returns the ballot's receipt. */
    async vote(signInId: string, choice: string): Promise<string> {
      const status = await signIn.status(signInId)
      if (status.status !== 'complete') {
        throw new CivitasError('ERR_TRANSACTION_NOT_FOUND', 'sign in with a membership card before voting')
      }
      if (status.result.claims.community !== options.community) {
        throw new CivitasError('ERR_CLAIM_MISSING', `only members of ${options.community} vote in this poll`)
      }
      if (!options.choices.includes(choice))
        throw new CivitasError('ERR_INVALID_ARGUMENT', `choose one of ${options.choices.join(', ')}`)
      if (!(await store.claim(`voted:${pollId}:${status.result.did}`, KEEP_MS))) {
        throw new CivitasError('ERR_NONCE_REPLAYED', 'this member has already voted in this poll')
      }
      const receipt = crypto.randomUUID()
      // Ballots take the first free slot; claims make concurrent votes on any server take different ones.
      let slot = 0
      while (!(await store.claim(`slot:${pollId}:${slot}`, KEEP_MS))) slot++
      await store.set(`ballot:${pollId}:${slot}`, JSON.stringify({ receipt, choice }), KEEP_MS)
      return receipt
    },
    /** The tally and every accepted ballot, as a credential signed by the association. */
    async publish(): Promise<{ token: string; tally: Record<string, number> }> {
      const accepted = await ballots()
      const tally = Object.fromEntries(
        options.choices.map((choice) => [choice, accepted.filter((b) => b.choice === choice).length]),
      )
      const { token } = await issueCredential({
        issuer: options.association,
        credential: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential', 'PollResult'],
          credentialSubject: {
            id: `urn:poll:${pollId}`,
            question: options.question,
            tally,
            ballots: accepted,
          },
        },
      })
      return { token, tally }
    },
  }
}
