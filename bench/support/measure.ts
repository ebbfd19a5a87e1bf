import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

/** Options for {@link measure}. */
export interface MeasureOptions {
  /** How long to measure after warm-up, in milliseconds (default 1,000). */
  durationMs?: number
  /** Calls made before measuring, so caches and JIT are warm (default 200). */
  warmup?: number
}

/** Calls `task` repeatedly, one call at a time, and returns operations per second. */
export async function measure(task: () => unknown, options: MeasureOptions = {}): Promise<number> {
  const { durationMs = 1000, warmup = 200 } = options
  for (let index = 0; index < warmup; index++) await task()
  let operations = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < durationMs) {
    for (let batch = 0; batch < 20; batch++) await task()
    operations += 20
    elapsed = performance.now() - start
  }
  return (operations * 1000) / elapsed
}

/** A case to compare: a label and the task it times. */
export interface BenchCase {
  label: string
  task: () => unknown
}

/**
 * Times every case in interleaved slices (round robin, `rounds` times) and reports each case's
 * median, so drift in machine speed (frequency scaling, neighbours) hits all cases alike.
 */
export async function compare(
  cases: readonly BenchCase[],
  options: { rounds?: number; sliceMs?: number } = {},
): Promise<BenchRow[]> {
  const { rounds = 7, sliceMs = 250 } = options
  const samples = cases.map(() => [] as number[])
  for (const { task } of cases) await measure(task, { durationMs: 50 })
  for (let round = 0; round < rounds; round++) {
    for (const [index, { task }] of cases.entries())
      samples[index]?.push(await measure(task, { durationMs: sliceMs, warmup: 20 }))
  }
  return cases.map(({ label }, index) => {
    const sorted = [...(samples[index] ?? [])].sort((a, b) => a - b)
    return { label, opsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0 }
  })
}

/** One row of a comparison: a label and its operations per second. */
export interface BenchRow {
  label: string
  opsPerSecond: number
}

/** Prints a markdown table of rows with their ratio to the `baseline` row's label. */
export function printTable(title: string, rows: readonly BenchRow[], baseline?: string): void {
  const base = rows.find((row) => row.label === baseline)?.opsPerSecond
  const width = Math.max(...rows.map((row) => row.label.length), 5)
  console.log(`\n### ${title}\n`)
  console.log(`| ${'case'.padEnd(width)} | ops/s      |${base === undefined ? '' : ` × ${baseline} |`}`)
  console.log(`|${'-'.repeat(width + 2)}|-----------:|${base === undefined ? '' : '------:|'}`)
  for (const row of rows) {
    const ratio = base === undefined ? '' : ` ${(row.opsPerSecond / base).toFixed(2).padStart(6)} |`
    console.log(
      `| ${row.label.padEnd(width)} | ${Math.round(row.opsPerSecond).toLocaleString('en-US').padStart(10)} |${ratio}`,
    )
  }
}

/** Whether the module at `moduleUrl` is the script Node was started with. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1]
  return entry !== undefined && pathToFileURL(entry).href === moduleUrl
}
