import { describe, expect, it } from 'vitest'
import { runDidEthrRotationExample } from '../../examples/did-ethr-rotation/runDidEthrRotationExample.js'

describe('the did:ethr rotation example (ganache on 127.0.0.1)', () => {
  it('behavior: permits verify while their key is appointed, fail once it is retired or the owner moves, and history stays readable', async () => {
    const lines: string[] = []
    await runDidEthrRotationExample((line) => lines.push(line))
    const verdict = (label: RegExp) => lines.find((line) => label.test(line)) ?? ''
    expect(lines).toContainEqual(expect.stringMatching(/^ {3}did:ethr:0x539:0x[0-9a-f]{40}$/))
    // Before the rotation: the permit signed by #delegate-1 verifies, before and after #delegate-2 joins.
    expect(verdict(/permit A \(MV Nordic Star, #delegate-1\)/)).toMatch(/ACCEPTED$/)
    expect(verdict(/permit A \(old key, still appointed\)/)).toMatch(/ACCEPTED$/)
    expect(verdict(/permit B \(MS Baltic Queen, #delegate-2\)/)).toMatch(/ACCEPTED$/)
    // After #delegate-1 is revoked on the chain: its permits, old and new, fail; #delegate-2's pass.
    expect(verdict(/permit A \(signed by the retired key\)/)).toMatch(
      /REJECTED ERR_VERIFICATION_METHOD_NOT_FOUND/,
    )
    expect(verdict(/a permit the lost key signs today/)).toMatch(/REJECTED ERR_VERIFICATION_METHOD_NOT_FOUND/)
    expect(verdict(/permit B \(new key\)/)).toMatch(/ACCEPTED$/)
    expect(verdict(/the history stays auditable/)).toMatch(/listed #delegate-1: yes$/)
    // After changeOwner: delegates stay, the old owner key neither verifies nor changes the registry.
    expect(verdict(/permit B \(office key appointed by the DID\)/)).toMatch(/ACCEPTED$/)
    expect(verdict(/a permit the old owner key signs/)).toMatch(/REJECTED ERR_SIGNATURE_INVALID/)
    expect(verdict(/the old owner key appointing a delegate/)).toMatch(/refused with ERR_DID_UPDATE_FAILED$/)
    expect(lines.join('\n')).not.toContain('this would be a bug')
  }, 60_000)
})
