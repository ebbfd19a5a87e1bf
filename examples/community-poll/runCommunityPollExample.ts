import type { DemoOutput } from '@civitas/cli/demo'
import { startLoopbackServer } from '@civitas/cli/demo'
import { isCivitasError } from '@civitas/core'
import { issueCredential, verifyCredential } from '@civitas/credentials'
import { membership } from '@civitas/credentials/templates'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createRedisNonceStore } from '@civitas/sign-in/redis'
import { createMemoryCredentialStore, createWallet, type Wallet } from '@civitas/wallet'
import { createPoll } from './createPoll.js'

const COMMUNITY = 'Suwon Residents Association'

/**
 * A member-only poll on two servers that share Redis: members sign in with their membership card
 * and vote once, a second vote on the other server is refused, a non-member cannot take part, and
 * the association publishes the signed tally with every accepted ballot.
 */
export async function runCommunityPollExample(
  output: DemoOutput,
  redisUrl = 'redis://127.0.0.1:6379',
): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()
  const association = await createDidKey({ keyStore, alg: 'EdDSA' })
  const pollId = crypto.randomUUID()
  const stores = [0, 1].map(() =>
    createRedisNonceStore({ url: redisUrl, prefix: `civitas:poll-example:${pollId}:` }),
  )
  const servers: { close(): Promise<void> }[] = []
  try {
    const polls = await Promise.all(
      stores.map(async (store) => {
        let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
        const server = await startLoopbackServer((request) => handler(request))
        servers.push(server)
        const poll = createPoll({
          pollId,
          question: 'Turn the Haenggung-dong parking lot into a weekend market?',
          choices: ['yes', 'no'],
          community: COMMUNITY,
          association,
          resolver,
          store,
          baseUrl: `${server.origin}/sign-in`,
        })
        handler = poll.handler
        return poll
      }),
    )
    const [first, second] = polls as [(typeof polls)[0], (typeof polls)[0]]
    output(`1. ${COMMUNITY} opens a poll on two servers sharing one Redis`)

    const member = async (name: string, role: 'member' | 'board') => {
      const holder = await createDidKey({ keyStore, alg: 'ES256' })
      const wallet = createWallet({
        identity: holder,
        credentialStore: createMemoryCredentialStore(),
        resolver,
      })
      const card = membership.build({
        subject: holder.did,
        community: COMMUNITY,
        role,
        memberSince: '2024-03-01',
      })
      await wallet.receive((await issueCredential({ issuer: association, credential: card })).token)
      return { name, holder, wallet }
    }
    const jiwoo = await member('Jiwoo', 'member')
    const minseo = await member('Minseo', 'board')
    output('   Jiwoo and Minseo hold membership cards; a visitor holds none')

    const signInAndVote = async (
      poll: typeof first,
      who: { wallet: Wallet; holder: Identity },
      choice: string,
    ) => {
      const { id, qr } = await poll.startSignIn()
      await who.wallet.respond(qr, { allowLoopbackHttp: true, approve: () => true })
      return poll.vote(id, choice)
    }
    output('')
    output('2. Members sign in with their wallets and vote')
    const receipt = await signInAndVote(first, jiwoo, 'yes')
    output(`   Jiwoo votes yes on server 1: accepted, receipt ${receipt.slice(0, 8)}…`)
    output(
      `   Minseo votes no on server 2: accepted, receipt ${(await signInAndVote(second, minseo, 'no')).slice(0, 8)}…`,
    )

    output('')
    output('3. What is refused')
    const refusal = (error: unknown) =>
      isCivitasError(error) ? `${error.code} (${error.message})` : String(error)
    const again = await signInAndVote(second, jiwoo, 'no').then(() => 'ACCEPTED (a bug)', refusal)
    output(`   Jiwoo votes again on server 2: ${again}`)
    const visitor = createWallet({
      identity: await createDidKey({ keyStore, alg: 'EdDSA' }),
      credentialStore: createMemoryCredentialStore(),
      resolver,
    })
    const { qr } = await first.startSignIn()
    const outsider = await visitor
      .respond(qr, { allowLoopbackHttp: true, approve: () => true })
      .then(() => 'ACCEPTED (a bug)', refusal)
    output(`   a visitor without a membership card tries to sign in: ${outsider}`)

    output('')
    output('4. The association publishes the result, signed, with every accepted ballot')
    const { token, tally } = await second.publish()
    const published = await verifyCredential(token, { resolver })
    const ballots = (published.credential.credentialSubject as { ballots: unknown[] }).ballots
    output(
      `   tally yes ${tally.yes}, no ${tally.no}; ${ballots.length} ballots, each a receipt and a choice, no names`,
    )
    output(`   anyone can verify it: signed by ${published.issuer.slice(0, 32)}…, ${published.types.at(-1)}`)
  } finally {
    await Promise.all(servers.map((server) => server.close()))
    await Promise.all(stores.map((store) => store.close()))
  }
}
