import type { Clock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import type { KeyStore } from '@civitas/crypto'
import type { Resolvable } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createVerifier, formatReport } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { residencyCard } from './residencyCard.js'
import { type DemoOutput, shorten } from './runDemo.js'
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
  const credential = residencyCard(citizen.did)
  const card = await issueCredential({ issuer: city, credential, clock, validFor: YEAR })
  output(`   ${card.format}, ${card.token.length} characters, valid for a year, schema ${residency.schemaId}`)

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
  const verifier = createVerifier({ resolver, trust, clock })
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
}
