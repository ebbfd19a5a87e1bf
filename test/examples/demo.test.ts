import { describe, expect, it } from 'vitest'
import { runDemo } from '../../examples/demo/runDemo.js'

describe('the demo', () => {
  it('behavior: verifies every genuine message and rejects every forged one with its code', async () => {
    const lines: string[] = []
    await runDemo((line) => lines.push(line))
    const identities = lines.filter((line) => / did:(key|jwk):/.test(line))
    expect(identities).toHaveLength(6)
    const verdicts = lines.filter((line) => line.includes('genuine:'))
    expect(verdicts).toHaveLength(3)
    for (const line of verdicts)
      expect(line).toMatch(/genuine: verified\s+tampered: rejected with ERR_SIGNATURE_INVALID/)
  })
})
