import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// One snapshot per documented entry point, so any change to the public surface shows in review.
const typedoc = JSON.parse(readFileSync(new URL('../typedoc.json', import.meta.url), 'utf8')) as {
  entryPoints: string[]
}

function specifierOf(entryPoint: string): string {
  const match = /^packages\/([^/]+)\/src\/(?:(.+)\/)?index\.ts$/.exec(entryPoint)
  if (!match) throw new Error(`entry point ${entryPoint} is not packages/<name>/src[/<subpath>]/index.ts`)
  const [, name, subpath] = match
  return subpath ? `@civitas/${name}/${subpath}` : `@civitas/${name}`
}

describe('public surface', () => {
  for (const entryPoint of typedoc.entryPoints) {
    const specifier = specifierOf(entryPoint)
    it(`exports of ${specifier}`, async () => {
      const module: Record<string, unknown> = await import(specifier)
      const surface = Object.keys(module)
        .sort()
        .map((name) => `${name}: ${typeof module[name]}`)
      expect(surface).toMatchSnapshot()
    })
  }
})
