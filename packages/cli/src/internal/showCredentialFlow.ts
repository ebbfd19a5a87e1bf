import type { Clock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import type { KeyStore } from '@civitas/crypto'
import type { Identity, Resolvable } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  type StatusListPublisher,
} from '@civitas/status-list'
import { createVerifier, formatReport } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { residencyCard } from '../demo/residencyCard.js'
import type { DemoOutput } from '../demo/runDemo.js'
import { startLoopbackServer } from '../demo/startLoopbackServer.js'
import { shorten } from './shorten.js'
import { showFailures } from './showFailures.js'

/** What the credential part of the demo needs. */
export interface ShowCredentialFlowOptions {
  output: DemoOutput
  keyStore: KeyStore
  resolver: Resolvable
  clock: Clock
}

const YEAR = 365 * 24 * 3600 * 1000

/** A city issues a residency card to a wallet; the wallet presents it to a hotel desk, which prints its report. */
export async function showCredentialFlow(options: ShowCredentialFlowOptions): Promise<void> {
  const { output, keyStore, resolver, clock } = options
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })

  output('3. The city of Tartu issues a residency card to a citizen')
  // The city's status lists, served from a loopback server; a real city serves them over https.
  let serve: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => serve(request))
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: city,
    baseUrl: `${server.origin}/status`,
    clock,
  })
  serve = status.handler
  try {
    await showIssuedCard({ output, resolver, clock, city, citizen, status })
  } finally {
    await server.close()
  }
}

async function showIssuedCard(
  options: Omit<ShowCredentialFlowOptions, 'keyStore'> & {
    city: Identity
    citizen: Identity
    status: StatusListPublisher
  },
): Promise<void> {
  const { output, resolver, clock, city, citizen, status } = options
  const credential = residencyCard(citizen.did)
  const card = await issueCredential({ issuer: city, credential, clock, validFor: YEAR, status })
  output(`   ${card.format}, ${card.token.length} characters, valid for a year, schema ${residency.schemaId}`)
  const entry = await status.registry.findEntry({ credentialId: card.id ?? '' })
  output(`   revocable: entry ${entry.index} of the status list at ${status.listUrl(entry.listId)}`)

  output('')
  output("4. The citizen's wallet receives it, verifying it before it stores it")
  const wallet = createWallet({
    identity: citizen,
    credentialStore: createMemoryCredentialStore(),
    resolver,
    clock,
  })
  const record = await wallet.receive(card.token)
  const validUntil = new Date(record.validUntil ?? 0).toISOString().slice(0, 10)
  output(`   stored a ${record.types.at(-1)} from ${shorten(record.issuer)}, valid until ${validUntil}`)

  output('')
  output('5. A hotel desk asks for proof of residency with a fresh nonce; the wallet presents the card')
  const audience = 'https://hotel.example/check-in'
  const nonce = crypto.randomUUID()
  const trust = { ResidencyCard: [city.did] }
  // Plain http only because the demo's status server is on loopback.
  const verifier = createVerifier({ resolver, trust, clock, status: { allowHttp: true } })
  const presentation = await wallet.present({ type: 'ResidencyCard', audience, nonce })
  const report = await verifier.check(presentation.token, { audience, nonce, types: ['ResidencyCard'] })
  for (const line of formatReport(report).split('\n')) output(`   ${line}`)

  output('')
  output('6. What the desk sees when something is wrong')
  await showFailures({
    output,
    resolver,
    trust,
    citizen,
    card: card.token,
    presentation: presentation.token,
    audience,
    nonce,
    clock,
  })

  output('')
  output(
    '7. The citizen moves away: the city revokes the card, and the desk checks the same presentation again',
  )
  await status.revoke(card.id ?? '', { actor: 'registry-clerk@tartu.ee', reason: 'moved away' })
  const [change] = await status.history(card.id ?? '')
  output(
    `   audit: ${change?.actor} set ${change?.listId.slice(0, 8)}…#${change?.index} to ${change?.value} (${change?.reason})`,
  )
  // statusMaxAgeMs 0: this check revalidates the desk's cached list instead of trusting it for its ttl.
  const revoked = await verifier.check(presentation.token, {
    audience,
    nonce,
    types: ['ResidencyCard'],
    statusMaxAgeMs: 0,
  })
  for (const line of formatReport(revoked).split('\n')) output(`   ${line}`)
}
