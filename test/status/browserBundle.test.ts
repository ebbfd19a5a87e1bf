import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('status lists in the browser', () => {
  it('property: the status checker and the guarded fetch bundle for browsers without node: modules', async () => {
    const result = await build({
      stdin: {
        contents: [
          "export { createStatusChecker } from '@civitas/status-list'",
          "export { createGuardedFetch, didWebResolver } from '@civitas/did/web'",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['civitas-source'],
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    // The fetch-based guard is bundled, Node's (node:dns, node:https) is not.
    expect(inputs).toContainEqual(expect.stringMatching(/guardedRequest\.web\.ts$/))
    expect(inputs.filter((input) => /guardedRequest\.node\.ts$|^node:/.test(input))).toEqual([])
    expect(result.outputFiles[0]?.text).not.toMatch(/from\s*["']node:/)
  })
})
