// What `npm install @civitas/<name>` costs a user: each budgeted package is installed from its packed
// tarball (its @civitas/* dependencies from theirs, everything else from the npm registry) into an
// empty project; the sizes of the files under node_modules are summed, the packages counted, and the
// installed packages searched for ones a package must not bring. Exits 1 over a budget.
// `--reuse-pack` takes the tarballs the step before packed (`npm test` packs once for every check).

import { execFileSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type PackedPackage, packedWorkspaces } from './support/packWorkspaces.js'

interface Budget {
  name: string
  maxBytes: number
  maxPackages?: number
  /** Kinds of package this one must never install. */
  forbidden?: ForbiddenKind[]
}

type ForbiddenKind = 'database' | 'Redis' | 'Ethereum' | 'WebAssembly'

const MB = 1_000_000
const BUDGETS: Budget[] = [
  { name: '@civitas/verifier', maxBytes: 12 * MB, maxPackages: 20 },
  {
    name: '@civitas/wallet',
    maxBytes: 10 * MB,
    forbidden: ['database', 'Redis', 'Ethereum', 'WebAssembly'],
  },
  { name: '@civitas/credentials', maxBytes: 8 * MB },
]

/** Package names by kind; WebAssembly is also any package that ships a .wasm file. */
const FORBIDDEN_NAMES: Record<ForbiddenKind, RegExp> = {
  database: /^(pg|pg-.+|@types\/pg|postgres|mysql2?|sqlite3|better-sqlite3|mongodb|@prisma\/.+|knex)$/,
  Redis: /^(redis|@redis\/.+|ioredis)$/,
  Ethereum: /^(ethers|@ethersproject\/.+|ethr-did-resolver|ethr-did|web3|web3-.+|viem)$/,
  WebAssembly: /^(zxing-wasm|.+-wasm|@.+\/.+-wasm)$/,
}

interface Installed {
  name: string
  bytes: number
  packages: number
  found: string[]
}

/** The tarballs a package needs from this repository: itself and its @civitas/* dependencies, transitively. */
function civitasClosure(name: string, packed: Map<string, PackedPackage>): PackedPackage[] {
  const seen = new Map<string, PackedPackage>()
  const visit = (next: string) => {
    const entry = packed.get(next)
    if (entry === undefined || seen.has(next)) return
    seen.set(next, entry)
    const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {} } = entry.manifest
    const required = [
      ...Object.keys(dependencies),
      ...Object.keys(peerDependencies).filter((peer) => peerDependenciesMeta[peer]?.optional !== true),
    ]
    for (const dependency of required) if (dependency.startsWith('@civitas/')) visit(dependency)
  }
  visit(name)
  return [...seen.values()]
}

/** Bytes of every regular file under a directory (symbolic links not followed), and whether one is .wasm. */
function sumFiles(dir: string): { bytes: number; wasm: string[] } {
  let bytes = 0
  const wasm: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = sumFiles(path)
      bytes += inner.bytes
      wasm.push(...inner.wasm)
    } else if (entry.isFile()) {
      bytes += lstatSync(path).size
      if (entry.name.endsWith('.wasm')) wasm.push(path)
    }
  }
  return { bytes, wasm }
}

function install(budget: Budget, packed: Map<string, PackedPackage>): Installed {
  const project = mkdtempSync(join(tmpdir(), 'civitas-install-'))
  try {
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'civitas-install-size', private: true, type: 'module' })}\n`,
    )
    const tarballs = civitasClosure(budget.name, packed).map((entry) => entry.tarball)
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error', ...tarballs],
      { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { link?: boolean; resolved?: string }>
    }
    const installed = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.link)
    const names = installed.map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 13))
    // Every @civitas/* package must come from this repository's tarballs, never from the registry.
    for (const [path, entry] of installed)
      if (path.includes('@civitas/') && !entry.resolved?.startsWith('file:'))
        throw new Error(`${path} came from ${entry.resolved}, not from a packed tarball`)
    const { bytes, wasm } = sumFiles(join(project, 'node_modules'))
    const found: string[] = []
    for (const kind of budget.forbidden ?? []) {
      const culprits = names.filter((name) => FORBIDDEN_NAMES[kind].test(name))
      if (kind === 'WebAssembly' && wasm.length > 0) culprits.push(`${wasm.length} .wasm files`)
      if (culprits.length > 0) found.push(`${kind} (${[...new Set(culprits)].sort().join(', ')})`)
    }
    return { name: budget.name, bytes, packages: installed.length, found }
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
}

const packed = new Map(
  packedWorkspaces(process.argv.includes('--reuse-pack')).map((entry) => [entry.name, entry]),
)
const results = BUDGETS.map((budget) => ({ budget, installed: install(budget, packed) }))
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`
const failures: string[] = []
console.log('| package | installed files | budget | packages | budget | forbidden packages |')
console.log('|---|---:|---:|---:|---:|---|')
for (const { budget, installed } of results) {
  if (installed.bytes > budget.maxBytes)
    failures.push(`${budget.name}: ${megabytes(installed.bytes)} over ${megabytes(budget.maxBytes)}`)
  if (budget.maxPackages !== undefined && installed.packages > budget.maxPackages)
    failures.push(`${budget.name}: ${installed.packages} packages over ${budget.maxPackages}`)
  if (installed.found.length > 0)
    failures.push(`${budget.name} installs what it must not: ${installed.found.join('; ')}`)
  const forbidden =
    budget.forbidden === undefined ? '—' : installed.found.length === 0 ? 'none' : installed.found.join('; ')
  console.log(
    `| ${budget.name} | ${megabytes(installed.bytes)} | ${megabytes(budget.maxBytes)} | ${installed.packages} | ${budget.maxPackages ?? '—'} | ${forbidden} |`,
  )
}
if (failures.length > 0) {
  console.error(`\nover budget:\n${failures.map((failure) => `- ${failure}`).join('\n')}`)
  process.exitCode = 1
}
