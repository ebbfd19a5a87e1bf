import { runDemo } from '@civitas/cli/demo'
import { describe, expect, it } from 'vitest'

describe('the demo', () => {
  it('behavior: identities resolve, forged messages fail, the residency card shown as a QR code is scanned from a PNG and accepted, and each failure has its code', async () => {
    const lines: string[] = []
    await runDemo((line) => lines.push(line))
    expect(lines.filter((line) => /resolves: \d key/.test(line))).toHaveLength(6)
    const verdicts = lines.filter((line) => line.includes('genuine:'))
    expect(verdicts).toHaveLength(3)
    for (const line of verdicts)
      expect(line).toMatch(/genuine: verified\s+tampered: rejected with ERR_SIGNATURE_INVALID/)
    expect(lines).toContainEqual(
      expect.stringMatching(/the wallet shows it as a QR code: \d+ characters of CV1 text/),
    )
    expect(lines.filter((line) => /^ {3}[█▀▄ ]{40,}$/.test(line)).length).toBeGreaterThan(20)
    expect(lines).toContainEqual(
      expect.stringMatching(/the desk scans a \d+-byte PNG of the code from its pixels/),
    )
    expect(lines).toContainEqual(expect.stringMatching(/ACCEPTED presentation \(ResidencyCard\)/))
    expect(lines).toContainEqual(expect.stringMatching(/tampered .*REJECTED ERR_SIGNATURE_INVALID/))
    expect(lines).toContainEqual(expect.stringMatching(/expired .*REJECTED ERR_CREDENTIAL_EXPIRED/))
    expect(lines).toContainEqual(expect.stringMatching(/another verifier .*REJECTED ERR_AUDIENCE_MISMATCH/))
    // The city is did:web, its document and status lists served over loopback HTTPS.
    expect(lines).toContainEqual(expect.stringMatching(/the city is did:web:tartu\.civitas\.test%3A\d+$/))
    expect(lines).toContainEqual(
      expect.stringMatching(/stored a ResidencyCard from did:web:tartu\.civitas\.test%3A\d+/),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /revocable: entry \d+ of the status list at https:\/\/tartu\.civitas\.test:\d+\/status\//,
      ),
    )
    expect(lines).toContainEqual(expect.stringMatching(/REJECTED presentation: ERR_CREDENTIAL_REVOKED/))
    expect(lines.join('\n')).not.toContain('ACCEPTED (this would be a bug)')
  })
})
