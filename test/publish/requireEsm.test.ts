import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { entryPoints, ROOT, workspaces } from './workspaces.js'

// CommonJS programs reach the ES-module packages through require(esm), unflagged from Node 20.19 and
// 22.12. These run real child processes on the built packages (dist, as published: plain node, without
// the civitas-source condition), so they need `npm run build` first, as `npm test` does.
const run = promisify(execFile)
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const { NODE_OPTIONS: _, ...env } = process.env

async function node(script: string, args: string[] = []): Promise<string> {
  const { stdout } = await run(process.execPath, [script, ...args], { cwd: ROOT, env })
  return stdout
}

describe('CommonJS through require(esm)', () => {
  it('behavior: this Node has require(esm) without a flag (20.19+ or 22.12+)', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
    expect(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19)).toBe(true)
    expect(process.features.require_module).toBe(true)
  })

  it('behavior: every entry point of every package loads with require() and gives what import() gives', async () => {
    const specifiers = workspaces().flatMap(entryPoints)
    const lines = (await node(fixture('requireEntryPoints.cjs'), specifiers)).trim().split('\n')
    const loaded = lines.map(
      (line) =>
        JSON.parse(line) as { specifier: string; resolved: string; required: string[]; imported: string[] },
    )
    expect(loaded.map((entry) => entry.specifier)).toEqual(specifiers)
    for (const entry of loaded) {
      expect(entry.resolved, entry.specifier).toMatch(/\/packages\/[^/]+\/dist\/(.+\/)?index\.js$/)
      expect(entry.required.length, entry.specifier).toBeGreaterThan(0)
      expect(entry.required, entry.specifier).toEqual(entry.imported)
    }
  })

  it('behavior: a CommonJS program issues and verifies a credential', async () => {
    const result = JSON.parse(await node(fixture('issueAndVerify.cjs'))) as Record<string, string>
    expect(result.format).toBe('vc+jwt')
    expect(result.city).toMatch(/^did:key:z6Mk/)
    expect(result.issuer).toBe(result.city)
    expect(result.givenName).toBe('Mari')
  })
})
