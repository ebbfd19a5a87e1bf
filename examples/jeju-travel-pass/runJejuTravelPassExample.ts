import type { DemoOutput } from '@civitas/cli/demo'
import { type Clock, systemClock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { quarantinePass } from '@civitas/credentials/templates'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createTrustBundle, createVerifier, explainCode, type Report, type Verifier } from '@civitas/verifier'
import { checkQrImage } from '@civitas/verifier/scan'
import type { Wallet } from '@civitas/wallet'
import { createTouristWallet } from './createTouristWallet.js'
import { issueTravelPasses } from './issueTravelPasses.js'

const DAY = 24 * 3600_000
const GATE = 'https://gate.seongsan-ilchulbong.jeju.example'

/**
 * Quarantine passes on Jeju: the island's health authority issues passes to tourists; the national
 * disease agency signs a trust bundle once a day; a gate at a tourist site, with no network at all,
 * scans each pass from a picture of the tourist's screen and checks it against the bundle alone — and
 * refuses a revoked pass, a pass from an office the agency does not vouch for, and an outdated bundle.
 * One tourist carries the SD-JWT VC form of the pass and shows the gate only that she is cleared, until when.
 */
export async function runJejuTravelPassExample(
  output: DemoOutput,
  clock: Clock = systemClock,
): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const agency = await createDidKey({ keyStore, alg: 'ES256' })
  const healthAuthority = await createDidKey({ keyStore, alg: 'EdDSA' })
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: healthAuthority,
    baseUrl: 'https://health.jeju.example/status',
    clock,
  })

  output('1. The Jeju health authority issues quarantine passes to three tourists')
  const [hana, lucas] = await issueTravelPasses({
    names: ['Hana', 'Lucas'],
    healthAuthority,
    status,
    keyStore,
    clock,
  })
  if (hana === undefined || lucas === undefined) throw new Error('two tourists expected')
  output('   Hana and Lucas each hold a pass: cleared by a negative PCR test, for 14 days, revocable')
  const tokenStatus = createStatusListPublisher({
    registry: createMemoryStatusRegistry({ clock }),
    issuer: healthAuthority,
    baseUrl: 'https://health.jeju.example/token-status',
    format: 'statuslist+jwt',
    clock,
  })
  const [mina] = await issueTravelPasses({
    names: ['Mina'],
    healthAuthority,
    status: tokenStatus,
    keyStore,
    clock,
    format: 'dc+sd-jwt',
  })
  if (mina === undefined) throw new Error('a third tourist expected')
  output('   Mina holds the SD-JWT VC form: the test, the destination and the office are hers to disclose')
  await status.revoke(lucas.passId, { actor: 'officer@health.jeju.example', reason: 'positive retest' })
  output("   Lucas's retest comes back positive: the authority revokes his pass in its status list")

  output('')
  output("2. At dawn, while online, the gate downloads the disease agency's trust bundle")
  const lists: string[] = []
  for (const publisher of [status, tokenStatus]) {
    const [listId = ''] = await publisher.registry.listIds()
    lists.push((await publisher.publish(listId))?.token ?? '')
  }
  const { token: bundle, expiresAt } = await createTrustBundle({
    authority: agency,
    issuers: [
      {
        id: healthAuthority.did,
        types: ['QuarantinePass', quarantinePass.vct],
        name: 'Jeju health authority',
      },
    ],
    lists,
    validForMs: DAY,
    clock,
  })
  output(
    `   ${bundle.length.toLocaleString('en-US')} characters, signed by the agency, valid until ${new Date(expiresAt).toISOString().slice(0, 16)}Z:`,
  )
  output('   the issuers it vouches for and for what, their DID documents, their signed status lists')

  output('')
  output('3. The gate at Seongsan Ilchulbong goes offline and checks passes from pictures of phone screens')
  // The gate requires holder binding: a pass counts only when its holder's wallet answers the gate's nonce.
  const gate = createVerifier({
    bundle,
    bundleAuthority: agency.did,
    bundleMaxAgeMs: DAY,
    holderBinding: 'required',
    clock,
  })
  for (const tourist of [hana, lucas]) {
    const report = await showAtGate(gate, tourist.wallet)
    output(`   ${tourist.name}: ${verdict(report)}`)
  }
  const minaReport = await showAtGate(gate, mina.wallet, quarantinePass.vct)
  output(
    `   Mina: ${verdict(minaReport)}; the gate saw ${Object.keys(minaReport.claims ?? {}).join(' and ')} only`,
  )
  const [copied] = await hana.wallet.list()
  const screenshot = renderQr(encodeQr(copied?.token ?? ''), { format: 'png', scale: 4 })
  const copy = await checkQrImage(gate, screenshot, { audience: GATE, nonce: crypto.randomUUID() })
  output(`   Hana's pass itself, photographed off her screen and shown without her wallet: ${verdict(copy)}`)
  const forger = await createDidKey({ keyStore, alg: 'EdDSA' })
  const mallory = await walletWithForgedPass(forger, keyStore, clock)
  output(
    `   Mallory (a pass from an office the agency does not vouch for): ${verdict(await showAtGate(gate, mallory))}`,
  )
  const nextWeek = createVerifier({
    bundle,
    bundleAuthority: agency.did,
    holderBinding: 'required',
    clock: () => clock() + 7 * DAY,
  })
  output(
    `   Hana, a week later, at a gate still on the same bundle: ${verdict(await showAtGate(nextWeek, hana.wallet))}`,
  )

  output('')
  output('4. Why the gate can trust what it accepts, with no network')
  output(
    "   - each pass is signed by the health authority's key, and each pass names its holder's key: only that wallet",
  )
  output("     can answer the gate's fresh nonce, so a screenshot of someone else's code is worthless")
  output("   - the gate trusts the health authority only because the agency's signed bundle says so, for")
  output(
    "     quarantine passes only (by VC type and by SD-JWT vct); the gate knows one DID in advance, the agency's",
  )
  output(
    "   - revocations reach the gate inside the bundle's signed status lists; the bundle expires in a day,",
  )
  output('     so a gate that stops updating stops accepting, rather than accepting revoked passes')
}

/** The gate shows a fresh nonce; the wallet answers with its pass as a QR code; the gate's camera reads it. */
async function showAtGate(gate: Verifier, wallet: Wallet, type = 'QuarantinePass'): Promise<Report> {
  const nonce = crypto.randomUUID()
  const { qr } = await wallet.present({ type, audience: GATE, nonce, as: 'qr' })
  const picture = renderQr(qr, { format: 'png', scale: 4 })
  return checkQrImage(gate, picture, { audience: GATE, nonce, types: [type] })
}

function verdict(report: Report): string {
  if (report.ok) {
    const { clearance, window } = report.claims as { clearance?: string; window?: { end?: string } }
    return `ADMITTED — ${clearance}, pass valid to ${window?.end}`
  }
  const code = report.error?.code ?? 'ERR_CREDENTIAL_INVALID'
  return `REFUSED ${code} — ${explainCode(code)}${report.error === undefined ? '' : ` (${report.error.message})`}`
}

async function walletWithForgedPass(
  forger: Awaited<ReturnType<typeof createDidKey>>,
  keyStore: ReturnType<typeof createMemoryKeyStore>,
  clock: Clock,
): Promise<Wallet> {
  const { identity, wallet } = await createTouristWallet({ keyStore, clock })
  const today = new Date(clock()).toISOString().slice(0, 10)
  const credential = quarantinePass.build({
    subject: identity.did,
    destination: 'Jeju',
    clearance: 'cleared',
    healthAuthority: 'Jeju Special Self-Governing Province',
    basis: { kind: 'vaccination', product: 'none', doses: 1, lastDose: today },
    window: { start: today, end: today },
  })
  await wallet.receive((await issueCredential({ issuer: forger, credential, clock, validFor: DAY })).token)
  return wallet
}
