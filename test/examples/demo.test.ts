import { runDemo } from '@civitas/cli/demo'
import { describe, expect, it } from 'vitest'

describe('the demo', () => {
  it('behavior: identities resolve, forged messages fail, the residency card is accepted and each failure has its code', async () => {
    const lines: string[] = []
    await runDemo((line) => lines.push(line))
    expect(lines.filter((line) => /resolves: \d key/.test(line))).toHaveLength(6)
    const verdicts = lines.filter((line) => line.includes('genuine:'))
    expect(verdicts).toHaveLength(3)
    for (const line of verdicts)
      expect(line).toMatch(/genuine: verified\s+tampered: rejected with ERR_SIGNATURE_INVALID/)
    expect(lines).toContainEqual(expect.stringMatching(/ACCEPTED presentation \(ResidencyCard\)/))
    expect(lines).toContainEqual(expect.stringMatching(/tampered .*REJECTED ERR_SIGNATURE_INVALID/))
    expect(lines).toContainEqual(expect.stringMatching(/expired .*REJECTED ERR_CREDENTIAL_EXPIRED/))
    expect(lines).toContainEqual(expect.stringMatching(/another verifier .*REJECTED ERR_AUDIENCE_MISMATCH/))
    expect(lines).toContainEqual(
      expect.stringMatching(/revocable: entry \d+ of the status list at http:\/\/127\.0\.0\.1:/),
    )
    expect(lines).toContainEqual(expect.stringMatching(/REJECTED presentation: ERR_CREDENTIAL_REVOKED/))
    expect(lines.join('\n')).not.toContain('ACCEPTED (this would be a bug)')
  })
})
