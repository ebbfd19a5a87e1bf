// Checks what `npm publish` would upload, package by package, from the packed tarballs:
//   - publint (strict, suggestions count) and @arethetypeswrong/cli (profile `esm-only`: the packages
//     are ES modules; CommonJS reaches them through require(esm), see docs/module-formats.md);
//   - LICENSE, README.md and CHANGELOG.md are in, no .tsbuildinfo and no test file is;
//   - the packed package.json is the one in the repository minus the `civitas-source` condition, so no
//     target points at TypeScript sources.
// Exits 1 listing every finding. `--reuse-pack` checks the tarballs the step before packed.

import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { isDeepStrictEqual, promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { type PackedPackage, packedWorkspaces, ROOT } from '../bench/support/packWorkspaces.js'
import { SOURCE_CONDITION, withoutSourceCondition } from './withoutSourceCondition.mjs'

const run = promisify(execFile)
const ATTW = join(ROOT, 'node_modules/.bin/attw')
const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

async function checkContents(pack: PackedPackage, dir: string): Promise<string[]> {
  const findings: string[] = []
  const files = filesUnder(dir)
  for (const required of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json'])
    if (!files.includes(required)) findings.push(`${required} is missing`)
  if (existsSync(join(dir, 'LICENSE')) && readFileSync(join(dir, 'LICENSE'), 'utf8') !== license)
    findings.push('LICENSE differs from the repository root LICENSE')
  for (const file of files)
    if (/\.tsbuildinfo$|\.test\.[jt]s$|^\.package\.json\.source$/.test(file))
      findings.push(`${file} is packed`)
  const packedManifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (JSON.stringify(packedManifest).includes(SOURCE_CONDITION))
    findings.push(`package.json still has the ${SOURCE_CONDITION} condition`)
  const expected = { ...pack.manifest }
  for (const field of ['exports', 'imports'])
    if (expected[field] !== undefined) expected[field] = withoutSourceCondition(expected[field])
  if (!isDeepStrictEqual(packedManifest, expected))
    findings.push('package.json differs from the repository manifest by more than the source condition')
  const lint = await publint({ pkgDir: dir, pack: false, strict: true, level: 'suggestion' })
  for (const message of lint.messages)
    findings.push(`publint ${message.type}: ${formatMessage(message, lint.pkg) ?? message.code}`)
  return findings
}

async function checkTypes(pack: PackedPackage): Promise<string[]> {
  try {
    await run(ATTW, [pack.tarball, '--profile', 'esm-only', '--format', 'ascii'], { cwd: ROOT })
    return []
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error)
    return [`attw:\n${output.trim()}`]
  }
}

async function check(pack: PackedPackage): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'civitas-pack-'))
  try {
    await run('tar', ['-xzf', pack.tarball, '-C', dir, '--strip-components=1'])
    const [contents, types] = await Promise.all([checkContents(pack, dir), checkTypes(pack)])
    return [...contents, ...types]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const packs = packedWorkspaces(process.argv.includes('--reuse-pack'))
let failed = 0
// Two at a time: attw is the slow part, and the machine is shared.
for (let start = 0; start < packs.length; start += 2) {
  const batch = packs.slice(start, start + 2)
  const results = await Promise.all(batch.map(check))
  batch.forEach((pack, index) => {
    const findings = results[index] ?? []
    console.log(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${pack.name}`)
    for (const finding of findings) console.log(`     ${finding.replaceAll('\n', '\n     ')}`)
    if (findings.length > 0) failed++
  })
}
if (failed > 0) {
  console.error(`\n${failed} of ${packs.length} packages are not ready to publish`)
  process.exitCode = 1
}
