import { describe, expect, it } from 'vitest'
import { runEResidencyExample } from '../../examples/e-residency/runEResidencyExample.js'

describe('the e-residency example (did:web over loopback HTTPS)', () => {
  it("behavior: the bank accepts the city's card and refuses a look-alike issuer, an expired card and a replay", async () => {
    const lines: string[] = []
    await runEResidencyExample((line) => lines.push(line))
    const verdict = (label: RegExp) => lines.find((line) => label.test(line)) ?? ''
    expect(lines).toContainEqual(expect.stringMatching(/DID did:web:tallinn\.civitas\.test%3A\d+$/))
    expect(lines).toContainEqual(
      expect.stringMatching(/document at https:\/\/tallinn\.civitas\.test:\d+\/\.well-known\/did\.json/),
    )
    expect(verdict(/Aiko's card/)).toMatch(/ACCEPTED$/)
    expect(lines).toContainEqual(
      expect.stringMatching(/opens an account for Aiko Tanaka \(JP\), e-resident card EE-ER-2026-004211$/),
    )
    expect(verdict(/look-alike office/)).toMatch(/REJECTED ERR_UNTRUSTED_ISSUER/)
    expect(verdict(/an expired card/)).toMatch(/REJECTED ERR_CREDENTIAL_EXPIRED/)
    expect(verdict(/replayed/)).toMatch(/REJECTED ERR_NONCE_MISMATCH/)
    expect(verdict(/the card alone/)).toMatch(/REJECTED ERR_PRESENTATION_REQUIRED/)
  })

  it('behavior: on a fixed date the expired card is one issued six years before', async () => {
    const lines: string[] = []
    await runEResidencyExample(
      (line) => lines.push(line),
      () => Date.parse('2026-03-01T09:00:00Z'),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/an expired card \(issued 2020\)\s+REJECTED ERR_CREDENTIAL_EXPIRED/),
    )
    expect(lines.find((line) => line.includes("Aiko's card"))).toMatch(/ACCEPTED$/)
  })
})
