import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { guideFiles } from '../../scripts/guideFiles.mjs'

// The conformance suites that the plugin guides end with (their *.test.ts files) run here as written,
// against the guides' own plugins: each guide's files are written to test/.out/guide-suites/<guide>/
// with the suites renamed *.suite.ts (so that no later run collects them twice), and each suite is
// imported while this file is collected, so that its describe blocks register here.
const root = fileURLToPath(new URL('../..', import.meta.url))

for (const name of readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md'))) {
  const files = guideFiles(readFileSync(join(root, 'docs', name), 'utf8'))
  const suites = [...files.keys()].filter((file) => file.endsWith('.test.ts'))
  if (suites.length === 0) continue
  const dir = join(root, 'test/.out/guide-suites', name.replace(/\.md$/, ''))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const written = (file: string) => file.replace(/\.test\.ts$/, '.suite.ts')
  for (const [file, code] of files) writeFileSync(join(dir, written(file)), code)
  for (const suite of suites) await import(pathToFileURL(join(dir, written(suite))).href)
}
