import { type Clock, encodeBase64url, encodeUtf8 } from '@civitas/core'
import { createPresentation } from '@civitas/credentials'
import type { Identity, Resolvable } from '@civitas/did'
import { createVerifier, explainCode, type Report, type TrustPolicy } from '@civitas/verifier'
import type { DemoOutput } from '../demo/types.js'

/** What the failure part of the demo needs. */
export interface ShowFailuresOptions {
  output: DemoOutput
  resolver: Resolvable
  trust: TrustPolicy
  citizen: Identity
  card: string
  presentation: string
  audience: string
  nonce: string
  clock: Clock
}

const TWO_YEARS = 2 * 365 * 24 * 3600 * 1000

/** A tampered, an expired and a wrong-audience presentation, each rejected with its code. */
export async function showFailures(options: ShowFailuresOptions): Promise<void> {
  const { output, resolver, trust, citizen, card, presentation, audience, nonce, clock } = options
  const desk = createVerifier({ resolver, trust, clock })
  const later = () => clock() + TWO_YEARS
  const deskLater = createVerifier({ resolver, trust, clock: later })
  const expired = await createPresentation({
    holder: citizen,
    credentials: [card],
    audience,
    nonce,
    clock: later,
  })
  const cases: [string, Report][] = [
    ['tampered (family name changed)', await desk.check(tamper(presentation), { audience, nonce })],
    ['expired (shown two years later)', await deskLater.check(expired.token, { audience, nonce })],
    [
      'made for another verifier',
      await desk.check(presentation, { audience: 'https://casino.example', nonce }),
    ],
  ]
  for (const [name, report] of cases) {
    output(
      `   ${name.padEnd(32)} ${report.ok ? 'ACCEPTED (this would be a bug)' : `REJECTED ${report.error?.code}`}`,
    )
    if (report.error) {
      output(`   ${''.padEnd(32)} ${explainCode(report.error.code)}`)
      output(`   ${''.padEnd(32)} reason: ${report.error.message}`)
    }
  }
}

/** Rewrites the family name inside the presented card and keeps every signature, as a forger would. */
function tamper(presentation: string): string {
  const [header, payload, signature] = presentation.split('.') as [string, string, string]
  const text = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  )
  const forged = text.replace(/data:application\/vc\+jwt,([^"]+)/, (_match, card: string) => {
    const [cardHeader, cardPayload, cardSignature] = card.split('.') as [string, string, string]
    const claims = new TextDecoder().decode(
      Uint8Array.from(atob(cardPayload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    )
    const changed = encodeBase64url(encodeUtf8(claims.replace('"Tamm"', '"Kask"')))
    return `data:application/vc+jwt,${cardHeader}.${changed}.${cardSignature}`
  })
  return `${header}.${encodeBase64url(encodeUtf8(forged))}.${signature}`
}
