import { afterAll, describe, expect, it } from 'vitest'
import { createWorkspace } from './civitas.js'

const workspace = await createWorkspace()
afterAll(() => workspace.cleanup())

describe('civitas demo and --help (child processes)', { timeout: 120_000 }, () => {
  it('behavior: civitas demo runs the end-to-end demo: accepted, each failure with its code, then revoked', async () => {
    const run = await workspace.run(['demo'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/ACCEPTED presentation \(ResidencyCard\)/)
    expect(run.stdout).toMatch(/expired .*REJECTED ERR_CREDENTIAL_EXPIRED/)
    expect(run.stdout).toMatch(/REJECTED presentation: ERR_CREDENTIAL_REVOKED/)
  })

  it('behavior: civitas demo --json prints one JSON line per demo line', async () => {
    const run = await workspace.run(['demo', '--json'])
    expect(run.code).toBe(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: string })
    expect(lines.length).toBeGreaterThan(20)
    expect(lines.map(({ line }) => line)).toContainEqual(expect.stringMatching(/^1\. Keys and identities/))
  })

  it('behavior: civitas --help exits 0 with examples; an unknown command exits 2', async () => {
    const help = await workspace.run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Examples:')
    expect(help.stdout).toContain('$ civitas demo')
    const unknown = await workspace.run(['fly'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("unknown command 'fly'")
  })
})
