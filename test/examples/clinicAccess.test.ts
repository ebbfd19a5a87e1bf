import { describe, expect, it } from 'vitest'
import { runClinicAccessExample } from '../../examples/clinic-access/runClinicAccessExample.js'

describe('the clinic access example (status list served over loopback HTTP)', () => {
  it('behavior: the clinic sees only imaging and prescriptions, then the withdrawn grant fails ERR_CREDENTIAL_REVOKED', async () => {
    const lines: string[] = []
    await runClinicAccessExample((line) => lines.push(line))
    const text = lines.join('\n')
    expect(text).toMatch(/clinic's check: accepted \(.*status ok/)
    expect(text).toMatch(
      /it sees scopes imaging, prescriptions, purpose "knee surgery follow-up", provider itself/,
    )
    expect(text).toMatch(/revokes entry #\d+/)
    expect(text).toMatch(/set 0 → 1 \(patient withdrew consent\)/)
    expect(text).toMatch(/clinic's check: ERR_CREDENTIAL_REVOKED: The issuer has revoked this credential\./)
    expect(text).not.toContain('(a bug)')
  }, 60_000)
})
