import type { Clock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { createMemoryKeyStore, type KeyStore } from '@civitas/crypto'
import { createResolver, type Identity, type Resolvable } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { didWebResolver } from '@civitas/did/web'
import { renderQr } from '@civitas/qr/render'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  type StatusListPublisher,
} from '@civitas/status-list'
import { createVerifier, formatReport } from '@civitas/verifier'
import { checkQrImage } from '@civitas/verifier/scan'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { residencyCard } from '../demo/residencyCard.js'
import { type LoopbackNetwork, startDidWebIssuer } from '../demo/startDidWebIssuer.js'
import type { DemoOutput } from '../demo/types.js'
import { shorten } from './shorten.js'
import { showFailures } from './showFailures.js'

/** What the credential part of the demo needs. */
export interface ShowCredentialFlowOptions {
  output: DemoOutput
  /** The citizen's keys. */
  keyStore: KeyStore
  clock: Clock
}

const YEAR = 365 * 24 * 3600 * 1000

/**
 * A city, identified by did:web and serving its DID document and status lists from its own
 * (loopback HTTPS) server, issues a residency card to a wallet; the wallet presents it to a hotel
 * desk, which prints its report.
 */
export async function showCredentialFlow(options: ShowCredentialFlowOptions): Promise<void> {
  const { output, keyStore, clock } = options
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })

  output('3. The city of Tartu issues a residency card to a citizen')
  // The city's own server: its DID document and its status lists, over HTTPS with a certificate
  // made at start. A real city serves them from its domain with a publicly trusted certificate.
  const city = await startDidWebIssuer({
    host: 'tartu.civitas.test',
    keyStore: createMemoryKeyStore(),
    keyId: 'seal-2026',
  })
  try {
    output(`   the city is ${city.identity.did}`)
    output(`   its DID document, built from its key store, is served at ${city.documentUrl}`)
    const status = createStatusListPublisher({
      registry: createMemoryStatusRegistry({ clock }),
      issuer: city.identity,
      baseUrl: `${city.origin}/status`,
      clock,
    })
    city.serve('/status/', status.handler)
    // Everyone who checks the city's signatures resolves did:web through the SSRF guard; the
    // demo's loopback host is allow-listed, and its certificate trusted, explicitly.
    const resolver = createResolver({ resolvers: [didWebResolver(city.network)] })
    await showIssuedCard({
      output,
      resolver,
      clock,
      city: city.identity,
      citizen,
      status,
      network: city.network,
    })
  } finally {
    await city.close()
  }
}

async function showIssuedCard(
  options: Omit<ShowCredentialFlowOptions, 'keyStore'> & {
    resolver: Resolvable
    city: Identity
    citizen: Identity
    status: StatusListPublisher
    network: LoopbackNetwork
  },
): Promise<void> {
  const { output, resolver, clock, city, citizen, status, network } = options
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
  // Status lists are fetched with the did:web guard too, so the desk allow-lists the same host.
  const verifier = createVerifier({ resolver, trust, clock, status: network })
  const presentation = await wallet.present({ type: 'ResidencyCard', audience, nonce, as: 'qr' })
  output(
    `   the wallet shows it as a QR code: ${presentation.qr.length} characters of CV1 text for a ${presentation.token.length}-character token`,
  )
  for (const line of renderQr(presentation.qr, { format: 'terminal' }).trimEnd().split('\n'))
    output(`   ${line}`)
  // The desk's camera sees a picture; here, the same code rendered as a PNG, read back from its pixels.
  const photo = renderQr(presentation.qr, { format: 'png', scale: 4 })
  output(`   the desk scans a ${photo.length}-byte PNG of the code from its pixels and checks what it holds`)
  const report = await checkQrImage(verifier, photo, { audience, nonce, types: ['ResidencyCard'] })
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
