#!/usr/bin/env node
// Runs as each package's `prepack` and `postpack` (so on `npm pack` and `npm publish`): `strip` removes the
// `civitas-source` condition — which points tests, scripts and tsx at the TypeScript sources inside this
// repository — from the package's `exports` and `imports` maps, keeping the original text beside it;
// `restore` puts the original back byte for byte. Nothing else in the manifest changes; `npm run check:packs` checks
// that every packed manifest equals the one in git minus that condition.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { withoutSourceCondition } from './withoutSourceCondition.mjs'

const MANIFEST = 'package.json'
const KEPT = '.package.json.source'

const [command] = process.argv.slice(2)
if (command === 'strip') {
  // A pack that failed before its postpack left the original beside the stripped one: keep that original.
  const text = readFileSync(existsSync(KEPT) ? KEPT : MANIFEST, 'utf8')
  const manifest = JSON.parse(text)
  for (const field of ['exports', 'imports']) {
    if (manifest[field] !== undefined) manifest[field] = withoutSourceCondition(manifest[field])
  }
  writeFileSync(KEPT, text)
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
} else if (command === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST)
} else {
  console.error('usage: publish-manifest.mjs strip|restore (run from a package directory)')
  process.exit(2)
}
