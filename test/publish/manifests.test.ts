import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SOURCE_CONDITION, withoutSourceCondition } from '../../scripts/withoutSourceCondition.mjs'
import { ROOT, workspaces } from './workspaces.js'

// What every published manifest must say. `npm run check:packs` checks the packed tarballs themselves
// (publint, attw, contents); these check the manifests in the repository, without packing.
const license = readFileSync(`${ROOT}LICENSE`, 'utf8')

describe('published manifests', () => {
  it('behavior: the root LICENSE is the Apache License 2.0, as every manifest declares', () => {
    expect(license).toContain('Apache License\n                           Version 2.0, January 2004')
    expect(license).toContain('END OF TERMS AND CONDITIONS')
  })

  for (const { dir, manifest } of workspaces()) {
    it(`behavior: ${manifest.name} names its license, repository, homepage, issues and keywords`, () => {
      expect(manifest.name).toBe(`@civitas/${dir}`)
      expect(manifest.license).toBe('Apache-2.0')
      expect(readFileSync(`${ROOT}packages/${dir}/LICENSE`, 'utf8')).toBe(license)
      expect(manifest.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/civitas-identity/civitas.git',
        directory: `packages/${dir}`,
      })
      expect(manifest.homepage).toBe(
        `https://github.com/civitas-identity/civitas/tree/main/packages/${dir}#readme`,
      )
      expect(manifest.bugs).toEqual({ url: 'https://github.com/civitas-identity/civitas/issues' })
      expect((manifest.keywords as string[]).length).toBeGreaterThan(2)
      expect(manifest.publishConfig).toEqual({ access: 'public' })
    })

    it(`behavior: ${manifest.name} exports its package.json and falls back to its root entry for older resolvers`, () => {
      expect(manifest.exports['./package.json']).toBe('./package.json')
      const root = manifest.exports['.'] as Record<string, string>
      expect(manifest.main).toBe(root.default)
      expect(manifest.types).toBe(root.types)
    })

    it(`behavior: ${manifest.name} packs without build info and strips the source condition when packed`, () => {
      expect(manifest.files).toContain('!dist/.tsbuildinfo')
      expect(manifest.scripts).toEqual({
        prepack: 'node ../../scripts/publish-manifest.mjs strip',
        postpack: 'node ../../scripts/publish-manifest.mjs restore',
      })
      const published = JSON.stringify({
        exports: withoutSourceCondition(manifest.exports),
        imports: withoutSourceCondition(manifest.imports ?? {}),
      })
      expect(published).not.toContain(SOURCE_CONDITION)
      expect(published).not.toMatch(/\.\/src\/[^"]*(?<!\.d)\.ts"/)
    })
  }

  it('behavior: only the CLI has modules with side effects, its bin and the program it loads', () => {
    for (const { dir, manifest } of workspaces())
      expect(manifest.sideEffects, dir).toEqual(dir === 'cli' ? ['./bin/civitas.js', './dist/bin.js'] : false)
  })

  it('behavior: the source condition is removed at every depth and nothing else is', () => {
    const map = {
      '.': { types: './dist/index.d.ts', [SOURCE_CONDITION]: './src/index.ts', default: './dist/index.js' },
      '#native': {
        [SOURCE_CONDITION]: { node: './src/native.node.ts', default: './src/native.web.ts' },
        node: './dist/native.node.js',
        default: './dist/native.web.js',
      },
      './package.json': './package.json',
    }
    expect(withoutSourceCondition(map)).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      '#native': { node: './dist/native.node.js', default: './dist/native.web.js' },
      './package.json': './package.json',
    })
  })
})
