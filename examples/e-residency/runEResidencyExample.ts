import type { DemoOutput } from '@civitas/cli/demo'
import { startDidWebIssuer } from '@civitas/cli/demo'
import { type Clock, encodeBase64url, systemClock } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { didWebResolver } from '@civitas/did/web'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createVerifier, explainCode, type Report } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'

const YEAR = 365 * 24 * 3600 * 1000
const BANK = 'https://onboarding.harbour-bank.test'
/** What the bank's know-your-customer rules need from a card. */
const REQUIRED_CLAIMS = [
  'givenName',
  'familyName',
  'birthDate',
  'nationality',
  'residencyStatus',
  'documentNumber',
]

/** Aiko Tanaka of Osaka, an e-resident of Tallinn. */
function eResidencyCard(subject: string, documentNumber: string) {
  return residency.build({
    subject,
    givenName: 'Aiko',
    familyName: 'Tanaka',
    birthDate: '1988-11-02',
    nationality: 'JP',
    residencyStatus: 'e-resident',
    residentSince: '2024-05-20',
    address: {
      streetAddress: '2-1-1 Otemae, Chuo-ku',
      postalCode: '540-0008',
      locality: 'Osaka',
      country: 'JP',
    },
    issuingCity: 'Tallinn',
    documentNumber,
  })
}

/**
 * A city's e-residency office (did:web, its document and status lists on its own loopback HTTPS
 * server) issues an e-residency card to a wallet; a bank's onboarding service asks for it with its
 * own nonce and audience, trusts only the city's DID for residency cards, and requires the claims
 * its rules need. A look-alike card from another issuer and an expired card are refused.
 */
export async function runEResidencyExample(output: DemoOutput, clock: Clock = systemClock): Promise<void> {
  const city = await startDidWebIssuer({
    host: 'tallinn.civitas.test',
    keyStore: createMemoryKeyStore(),
    keyId: 'e-residency-2026',
    alg: 'ES256',
  })
  try {
    output('1. The city of Tallinn runs its e-residency office under its own domain')
    output(`   DID ${city.identity.did}`)
    output(
      `   document at ${city.documentUrl}, signing key ${city.identity.kid.slice(city.identity.did.length)}`,
    )
    const status = createStatusListPublisher({
      registry: createMemoryStatusRegistry({ clock }),
      issuer: city.identity,
      baseUrl: `${city.origin}/status`,
      clock,
    })
    city.serve('/status/', status.handler)
    // Both the wallet and the bank resolve did:web (and fetch the city's status lists) through the
    // SSRF guard; the loopback host is allow-listed and its certificate trusted explicitly.
    const resolver = createResolver({ resolvers: [didWebResolver(city.network)] })

    output('')
    output('2. Aiko, living in Osaka, receives her e-residency card in her wallet')
    const walletKeys = createMemoryKeyStore()
    const aiko = await createDidKey({ keyStore: walletKeys, alg: 'ES256' })
    const card = await issueCredential({
      issuer: city.identity,
      credential: eResidencyCard(aiko.did, 'EE-ER-2026-004211'),
      validFor: 5 * YEAR,
      clock,
      status,
    })
    const wallet = createWallet({
      identity: aiko,
      credentialStore: createMemoryCredentialStore(),
      resolver,
      clock,
    })
    const stored = await wallet.receive(card.token)
    output(`   the wallet verified it before storing it: a ${stored.types.at(-1)} from the city, revocable`)

    output('')
    output("3. Harbour Bank's onboarding asks for proof of e-residency, with its own nonce and audience")
    const bank = createVerifier({
      resolver,
      trust: { ResidencyCard: [city.identity.did] },
      // Every onboarding needs Aiko's wallet to prove it holds the card, whatever a check forgets to ask.
      holderBinding: 'required',
      clock,
      status: city.network,
    })
    const request = () => ({
      audience: BANK,
      nonce: encodeBase64url(crypto.getRandomValues(new Uint8Array(16))),
      types: ['ResidencyCard'],
      requiredClaims: REQUIRED_CLAIMS,
    })
    const show = (label: string, report: Report) => {
      output(
        `   ${label.padEnd(40)} ${report.ok ? 'ACCEPTED' : `REJECTED ${report.error?.code} — ${report.error ? `${explainCode(report.error.code)} (${report.error.message})` : ''}`}`,
      )
    }
    /** Aiko presents a card token herself, in answer to a fresh request; the bank's report on it. */
    const presentDirectly = async (token: string) => {
      const asked = request()
      const presentation = await createPresentation({
        holder: aiko,
        credentials: [token],
        audience: asked.audience,
        nonce: asked.nonce,
        clock,
      })
      return bank.check(presentation.token, asked)
    }
    const asked = request()
    const presentation = await wallet.present({
      type: 'ResidencyCard',
      audience: asked.audience,
      nonce: asked.nonce,
    })
    const report = await bank.check(presentation.token, asked)
    show("Aiko's card", report)
    const claims = report.claims ?? {}
    output(
      `   the bank opens an account for ${claims.givenName} ${claims.familyName} (${claims.nationality}), e-resident card ${claims.documentNumber}`,
    )

    output('')
    output('4. What the bank refuses')
    // A look-alike office: the same template, a valid signature, but not the city's DID.
    const lookAlike = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const forged = await issueCredential({
      issuer: lookAlike,
      credential: eResidencyCard(aiko.did, 'EE-ER-2026-999999'),
      validFor: 5 * YEAR,
      clock,
    })
    show('a card from a look-alike office', await presentDirectly(forged.token))

    // A card issued six years ago for five years: genuine, from the city, but expired.
    const sixYearsAgo = () => clock() - 6 * YEAR
    const old = await issueCredential({
      issuer: city.identity,
      credential: eResidencyCard(aiko.did, 'EE-ER-2019-000017'),
      validFor: 5 * YEAR,
      clock: sixYearsAgo,
    })
    show(
      `an expired card (issued ${new Date(sixYearsAgo()).getUTCFullYear()})`,
      await presentDirectly(old.token),
    )

    // The genuine card itself, copied out of the presentation (or photographed): no proof Aiko holds it.
    show('the card alone, without a presentation', await bank.check(card.token, request()))

    // The genuine presentation again, answered to a new request: its nonce is the old one.
    show('the first presentation, replayed', await bank.check(presentation.token, request()))

    output('')
    output('Why the bank can trust this: the card is signed by a key the city publishes under its own')
    output('domain (did:web over HTTPS), and the bank accepts residency cards from that DID only; a perfect')
    output("copy from anyone else fails the trust check. The presentation is signed by Aiko's key and bound")
    output("to the bank's audience and nonce, so it cannot be replayed or shown to another bank, and the")
    output("card's dates and the city's status list are checked on every onboarding.")
  } finally {
    await city.close()
  }
}
