import type { DemoOutput } from '@civitas/cli/demo'
import { startLoopbackServer } from '@civitas/cli/demo'
import { issueCredential, verifyPresentation } from '@civitas/credentials'
import { healthAccess } from '@civitas/credentials/templates'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity, type Resolvable } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  type StatusListPublisher,
} from '@civitas/status-list'
import { createVerifier, explainCode, type Report } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'

const CLINIC_NAME = 'Harbour Clinic'
const CLINIC_URL = 'https://harbour-clinic.example'
const SERVICE_URL = 'https://health.tartu.example'

/**
 * A patient lets a clinic read two parts of her health record: the health service issues her an
 * access grant (an SD-JWT VC whose scopes are each disclosable on their own, with a Token Status
 * List entry), she shows the clinic imaging and prescriptions only, then withdraws her consent
 * through the health service, and the clinic's next check is refused with ERR_CREDENTIAL_REVOKED.
 */
export async function runClinicAccessExample(output: DemoOutput): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()
  const service = await createDidKey({ keyStore, alg: 'ES256' })
  const clinic = await createDidKey({ keyStore, alg: 'ES256' })
  const mari = await createDidKey({ keyStore, alg: 'ES256' })
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  try {
    // The health service publishes its status lists as signed statuslist+jwt tokens.
    const status = createStatusListPublisher({
      registry: createMemoryStatusRegistry(),
      issuer: service,
      baseUrl: `${server.origin}/status`,
      format: 'statuslist+jwt',
      ttlMs: 60_000,
    })
    handler = status.handler

    output('1. The Tartu health service issues Mari an access grant for Harbour Clinic')
    const { credential, disclosable } = healthAccess.buildSdJwt({
      subject: mari.did,
      provider: clinic.did,
      providerName: CLINIC_NAME,
      scopes: ['imaging', 'prescriptions', 'lab-results', 'immunizations'],
      purpose: 'knee surgery follow-up',
      period: { start: '2026-11-01', end: '2027-01-31' },
    })
    const grant = await issueCredential({
      issuer: service,
      format: 'dc+sd-jwt',
      credential,
      disclosable,
      validFor: 90 * 24 * 3600_000,
      status,
    })
    const wallet = createWallet({ identity: mari, credentialStore: createMemoryCredentialStore(), resolver })
    const stored = await wallet.receive(grant.token)
    output(
      "   four scopes, each a separate salted disclosure; the grant is bound to the key in Mari's wallet",
    )
    output(
      "   and names an entry in the service's status list (131,072 entries, served as application/statuslist+jwt)",
    )

    output('')
    output('2. At the clinic desk Mari shares imaging and prescriptions, nothing else')
    const clinicVerifier = createVerifier({
      resolver,
      trust: { [healthAccess.vct]: [service.did] },
      // Only Mari's wallet, answering the clinic's nonce with the grant's key, opens her records.
      holderBinding: 'required',
      // The service's list server runs on loopback in this example: allow that host explicitly.
      status: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    })
    const visit = async (nonce: string) => {
      const { token } = await wallet.present({
        credentials: [stored.id],
        audience: CLINIC_URL,
        nonce,
        disclose: ['scopes.0', 'scopes.1'],
      })
      // The clinic asks for the status afresh (statusMaxAgeMs: 0) before it opens any record.
      return clinicVerifier.check(token, { audience: CLINIC_URL, nonce, statusMaxAgeMs: 0 })
    }
    const first = await visit(crypto.randomUUID())
    const claims = first.claims as { provider?: string; scopes?: string[]; purpose?: string } | undefined
    output(
      `   clinic's check: ${first.ok ? 'accepted' : `REFUSED ${first.error?.code}`} (${checkLine(first)})`,
    )
    output(
      `   it sees scopes ${claims?.scopes?.join(', ')}, purpose "${claims?.purpose}", provider ${
        claims?.provider === clinic.did ? 'itself' : 'SOMEONE ELSE (a bug)'
      }`,
    )
    output('   lab-results and immunizations stay hidden: the clinic holds only digests it cannot reverse')

    output('')
    output('3. Mari withdraws her consent through the health service')
    const withdrawal = await withdraw({ wallet, grantId: stored.id, service, status, resolver })
    output(
      `   the service checks the request is signed by the grant's holder, then revokes entry #${withdrawal.index}`,
    )
    output(
      `   audit trail: ${withdrawal.actor.slice(0, 24)}… set ${withdrawal.previous} → ${withdrawal.value} (${withdrawal.reason})`,
    )

    output('')
    output('4. The clinic checks again at the next visit')
    const second = await visit(crypto.randomUUID())
    const code = second.ok ? 'ACCEPTED (a bug)' : (second.error?.code ?? 'REFUSED')
    output(
      `   clinic's check: ${code}: ${second.ok ? '' : `${explainCode(second.error?.code ?? 'ERR_CREDENTIAL_REVOKED')} (${second.error?.message})`}`,
    )

    output('')
    output('Why the clinic can trust this, and Mari can too')
    output(
      "   - the grant verifies with the health service's key (did:key, assertionMethod); nobody else can make one",
    )
    output(
      "   - only Mari's wallet can present it: each presentation is signed by her key for this clinic and nonce",
    )
    output('   - the clinic learns the two scopes Mari chose, not the others')
    output(
      '   - the status list is a signed token listing 131,072 entries: fetching it tells the health service',
    )
    output(
      '     nothing about whose grant the clinic is checking, and revocation reaches the clinic within its ttl',
    )
  } finally {
    await server.close()
  }
}

/**
 * The health service's side of a withdrawal: Mari presents the grant to the service itself; the
 * service verifies the presentation (her key, its audience and nonce), finds the status entry the
 * grant names, and revokes it.
 */
async function withdraw(options: {
  wallet: ReturnType<typeof createWallet>
  grantId: string
  service: Identity
  status: StatusListPublisher
  resolver: Resolvable
}) {
  const { wallet, grantId, service, status, resolver } = options
  const nonce = crypto.randomUUID()
  const request = await wallet.present({ credentials: [grantId], audience: SERVICE_URL, nonce })
  const presentation = await verifyPresentation(request.token, { resolver, audience: SERVICE_URL, nonce })
  const [verified] = presentation.credentials
  if (verified === undefined || verified.issuer !== service.did)
    throw new Error('not a grant of this service')
  const { idx, uri } = (verified.credential.status as { status_list: { idx: number; uri: string } })
    .status_list
  const listId = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))
  if (status.listUrl(listId) !== uri) throw new Error('not a status list of this service')
  const entry = await status.registry.findEntry({ listId, index: idx })
  const record = await status.revoke(entry.credentialId ?? '', {
    actor: presentation.holder,
    reason: 'patient withdrew consent',
  })
  return {
    index: idx,
    actor: record.actor,
    previous: record.previous,
    value: record.value,
    reason: record.reason,
  }
}

function checkLine(report: Report): string {
  return report.checks
    .map((check) => `${check.name} ${check.status === 'passed' ? 'ok' : check.code}`)
    .join(', ')
}
