import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

/**
 * Browser bundle sizes (esbuild, minified, gzip level 9) of Civitas's verifier and wallet paths
 * and of @civitas/core, against budgets, with did-jwt-vc's and Veramo's verifier paths beside them.
 * Exits 1 when a budget is exceeded. `--explain` lists the largest inputs of each bundle.
 */
const BUNDLES: { name: string; entry: string; budgetKb?: number }[] = [
  { name: 'civitas verifier (createVerifier + createResolver)', entry: 'verifier.ts', budgetKb: 30 },
  {
    name: 'civitas verifier primitives (verifyCredential + createResolver + createStatusChecker)',
    entry: 'verifier-primitives.ts',
    budgetKb: 30,
  },
  { name: 'civitas wallet (createWallet + memory stores + did:key)', entry: 'wallet.ts', budgetKb: 35 },
  {
    name: 'civitas browser wallet (createWallet + WebCrypto keys + IndexedDB + did:key, did:peer)',
    entry: 'browser-wallet.ts',
    budgetKb: 35,
  },
  { name: 'civitas core', entry: 'core.ts', budgetKb: 4 },
  { name: 'did-jwt-vc verifier (+ did-resolver, key-did-resolver)', entry: 'did-jwt-vc.ts' },
  { name: 'veramo verifier (agent, did:key resolver, JWT credentials)', entry: 'veramo.ts' },
]

const explain = process.argv.includes('--explain')
const kb = (bytes: number) => (bytes / 1024).toFixed(1)
// Bundle what users install: the built JavaScript in each package's dist.
execFileSync('npx', ['tsc', '-b'], { stdio: 'inherit' })
const rows: {
  name: string
  minified: number
  gzip: number
  lazyGzip?: number
  budgetKb?: number
  error?: string
}[] = []
const PEERS = new Set(['did-jwt-vc.ts', 'veramo.ts'])
const root = new URL('../', import.meta.url).pathname
const relative = (path: string) => path.replace(root, '')
const absolute = (path: string) => `${root}${path}`

/**
 * In this repository each Civitas package has its own copy of @noble/* and multiformats (the root
 * holds older majors for did-jwt and Veramo); an application installing Civitas gets one. Bundle
 * one copy, as it would.
 */
const oneNobleCopy: Plugin = {
  name: 'one-noble-copy',
  setup(build) {
    build.onResolve({ filter: /^(@noble\/|multiformats(\/|$))/ }, (args) =>
      args.pluginData === 'once'
        ? undefined
        : build.resolve(args.path, {
            kind: args.kind,
            resolveDir: `${root}packages/crypto`,
            pluginData: 'once',
          }),
    )
  },
}
for (const { name, entry, budgetKb } of BUNDLES) {
  try {
    const result = await build({
      entryPoints: [new URL(`size/${entry}`, import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      splitting: true,
      outdir: new URL('.out/size', import.meta.url).pathname,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: entry.endsWith('.ts') && !PEERS.has(entry) ? [oneNobleCopy] : [],
    })
    // What a page loads up front: the entry and the chunks it imports statically; lazy chunks load
    // on first use (a status list to inflate, a schema beyond the templates').
    const sizes = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
    const initial = new Set<string>()
    const visit = (path: string) => {
      if (initial.has(path)) return
      initial.add(path)
      for (const imported of result.metafile.outputs[relative(path)]?.imports ?? [])
        if (imported.kind === 'import-statement') visit(absolute(imported.path))
    }
    // Dynamic-import targets are entry points of their own in the metafile: find this bundle's.
    const entryOutput = Object.entries(result.metafile.outputs).find(
      ([, output]) => output.entryPoint === `bench/size/${entry}`,
    )
    visit(absolute(entryOutput?.[0] ?? ''))
    const gzipOf = (paths: Iterable<string>) =>
      [...paths].reduce(
        (sum, path) => sum + gzipSync(sizes.get(path) ?? new Uint8Array(), { level: 9 }).length,
        0,
      )
    const minifiedOf = (paths: Iterable<string>) =>
      [...paths].reduce((sum, path) => sum + (sizes.get(path)?.length ?? 0), 0)
    rows.push({
      name,
      minified: minifiedOf(initial),
      gzip: gzipOf(initial),
      lazyGzip: gzipOf([...sizes.keys()].filter((path) => !initial.has(path))),
      ...(budgetKb === undefined ? {} : { budgetKb }),
    })
    if (explain) largestInputs(name, result.metafile, [...initial].map(relative))
  } catch (error) {
    rows.push({
      name,
      minified: 0,
      gzip: 0,
      error: (error as Error).message.split('\n').slice(0, 3).join(' '),
    })
  }
}

console.log(
  '\n| bundle (browser, minified) | loaded up front, minified KB | up front, gzip KB | lazy chunks, gzip KB | budget gzip KB |',
)
console.log('|---|---:|---:|---:|---:|')
let over = false
for (const row of rows) {
  if (row.error !== undefined) {
    console.log(`| ${row.name} | — | — | — | does not bundle for the browser: ${row.error} |`)
    continue
  }
  const exceeded = row.budgetKb !== undefined && row.gzip > row.budgetKb * 1024
  over ||= exceeded
  const budget = row.budgetKb === undefined ? '' : `${row.budgetKb}${exceeded ? ' **exceeded**' : ''}`
  console.log(
    `| ${row.name} | ${kb(row.minified)} | ${kb(row.gzip)} | ${kb(row.lazyGzip ?? 0)} | ${budget} |`,
  )
}
await writeFile(new URL('size.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`)
if (over) {
  console.error(
    '\na bundle exceeds its budget (see above; `npm run bench:size -- --explain` shows where bytes go)',
  )
  process.exit(1)
}

function largestInputs(name: string, metafile: Metafile, outputs: readonly string[]): void {
  const inputs = outputs.flatMap((output) =>
    Object.entries(metafile.outputs[output]?.inputs ?? {}).map(([path, { bytesInOutput }]) => ({
      path,
      bytesInOutput,
    })),
  )
  const byPackage = new Map<string, number>()
  for (const { path, bytesInOutput } of inputs) {
    const key =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
      path.replace(/^packages\/([^/]+)\/.*/, '@civitas/$1')
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput)
  }
  console.log(`\n${name}: minified bytes loaded up front, by package`)
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${kb(bytes).padStart(7)} KB  ${key}`)
  console.log('  largest files:')
  for (const { path, bytesInOutput } of inputs.sort((a, b) => b.bytesInOutput - a.bytesInOutput).slice(0, 12))
    console.log(`  ${kb(bytesInOutput).padStart(7)} KB  ${path}`)
}
