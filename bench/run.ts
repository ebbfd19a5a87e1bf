import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { printedTables } from './support/measure.js'

/** Each benchmark file and the words that select its sections (`npm run bench -- verify gate`). */
const benches: Record<string, readonly string[]> = {
  'credentials.bench.ts': ['issue', 'verify', 'gate'],
  'sd-jwt.bench.ts': ['sd-jwt'],
  'status.bench.ts': ['status'],
  'qr.bench.ts': ['qr'],
  'pool.bench.ts': ['pool'],
  'cold-start.bench.ts': ['cold-start'],
  'crypto-verify.bench.ts': ['crypto'],
  'did-web.bench.ts': ['did-web'],
  'did-ethr.bench.ts': ['did-ethr'],
  'sign-in.bench.ts': ['sign-in'],
  'city.bench.ts': ['city-lists', 'city-registry'],
}

// Runs the benchmarks in one process, so peers and Civitas share a machine state. Words on the
// command line pick sections or files; without any, everything runs and bench/results.json is written.
const filter = process.argv.slice(2)
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
  date: new Date().toISOString(),
}
console.log(`# Civitas benchmarks\n`)
console.log(
  `Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}; one process, one core; medians of interleaved rounds.`,
)
for (const [file, sections] of Object.entries(benches)) {
  const byFile = filter.some((word) => file.startsWith(word))
  const chosen = sections.filter((section) => filter.some((word) => section.startsWith(word)))
  if (filter.length > 0 && !byFile && chosen.length === 0) continue
  console.log(`\n## ${file}`)
  const bench = (await import(new URL(file, import.meta.url).href)) as {
    run(sections?: readonly string[]): Promise<void>
  }
  await bench.run(filter.length === 0 || byFile ? [] : chosen)
}
const results = { machine, filter, tables: printedTables() }
const out = new URL(filter.length === 0 ? 'results.json' : 'results.partial.json', import.meta.url)
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nresults written to bench/${filter.length === 0 ? 'results.json' : 'results.partial.json'}`)
