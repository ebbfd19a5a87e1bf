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
    for (let batch = 0; batch < 10; batch++) await task()
    operations += 10
    elapsed = performance.now() - start
  }
  return (operations * 1000) / elapsed
}

/**
 * A case to compare: a label, who it measures, and the task it times. Civitas rows are the
 * baseline of their table; every other row is a peer (or the `floor`, a lower bound).
 */
export interface BenchCase {
  label: string
  /** `civitas`, a peer's name (`did-jwt-vc`, `jose`, `veramo`, ...) or `floor`. */
  library: string
  task: () => unknown
  /** Operations per task call, when one call does several (default 1). */
  operations?: number
}

/** One row of a comparison: the median across rounds and the spread of the rounds. */
export interface BenchRow {
  label: string
  library: string
  /** Median operations per second across rounds. */
  opsPerSecond: number
  /** Slowest and fastest round, operations per second. */
  min: number
  max: number
  /** First and third quartile across rounds, operations per second. */
  q1: number
  q3: number
  rounds: number
  /** What the case produced, in bytes, where its size is part of the figure. */
  bytes?: number
}

/** Options for {@link compare}. */
export interface CompareOptions {
  /** How many interleaved rounds (default 7; 2 with `CIVITAS_BENCH_QUICK=1`, a smoke run). */
  rounds?: number
  /** How long each case runs per round, in milliseconds (default 250). */
  sliceMs?: number
}

/**
 * Times every case in interleaved slices (round robin, `rounds` times, each slice warmed up first)
 * and reports each case's median and spread, so drift in machine speed (frequency scaling,
 * neighbours) hits all cases alike.
 */
export async function compare(
  cases: readonly BenchCase[],
  options: CompareOptions = {},
): Promise<BenchRow[]> {
  const quick = process.env.CIVITAS_BENCH_QUICK === '1'
  const { rounds = quick ? 2 : 7, sliceMs = quick ? 40 : 250 } = options
  const samples = cases.map(() => [] as number[])
  for (const { task } of cases) await measure(task, { durationMs: 50 })
  for (let round = 0; round < rounds; round++) {
    for (const [index, { task, operations = 1 }] of cases.entries())
      samples[index]?.push(operations * (await measure(task, { durationMs: sliceMs, warmup: 10 })))
  }
  return cases.map(({ label, library }, index) => ({ label, library, ...summarize(samples[index] ?? []) }))
}

/** Median, quartiles and range of a sample. */
export function summarize(sample: readonly number[]): Omit<BenchRow, 'label' | 'library'> {
  const sorted = [...sample].sort((a, b) => a - b)
  const at = (fraction: number) => {
    const position = (sorted.length - 1) * fraction
    const low = sorted[Math.floor(position)] ?? 0
    const high = sorted[Math.ceil(position)] ?? 0
    return low + (high - low) * (position - Math.floor(position))
  }
  return {
    opsPerSecond: at(0.5),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    q1: at(0.25),
    q3: at(0.75),
    rounds: sorted.length,
  }
}

/** A printed table, kept for `bench/results.json`. */
export interface BenchTable {
  title: string
  /** What the rows' figures count: operations per second (the default) or milliseconds per run. */
  unit?: 'ms'
  rows: BenchRow[]
}

const tables: BenchTable[] = []

/** Keeps a table for `bench/results.json` that was printed in another shape. */
export function recordTable(table: BenchTable): void {
  tables.push(table)
}

/** Every table printed so far in this process. */
export function printedTables(): readonly BenchTable[] {
  return tables
}

const format = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3)

/**
 * Prints a markdown table: median ops/s, time per operation, the spread across rounds (min–max
 * ops/s) and, for each row, how many times faster the table's first Civitas row is.
 */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  tables.push({ title, rows: [...rows] })
  const base = rows.find((row) => row.library === 'civitas')?.opsPerSecond
  // A table of Civitas rows alone compares each row to the first: speed-up, not Civitas against a peer.
  const alone = rows.every((row) => row.library === 'civitas')
  console.log(`\n### ${title}\n`)
  console.log(
    `| case | median ops/s | µs/op | spread ops/s (min–max) | ${alone ? '× first row' : 'Civitas ×'} |`,
  )
  console.log('|---|---:|---:|---:|---:|')
  for (const row of rows) {
    const ratio =
      base === undefined || rows.length < 2 || (row.library === 'civitas' && !alone)
        ? ''
        : `${(alone ? row.opsPerSecond / base : base / row.opsPerSecond).toFixed(2)}×`
    console.log(
      `| ${row.label} | ${format(row.opsPerSecond)} | ${format(1e6 / row.opsPerSecond)} | ${format(row.min)}–${format(row.max)} | ${ratio} |`,
    )
  }
}

/** Whether the module at `moduleUrl` is the script Node was started with. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1]
  return entry !== undefined && pathToFileURL(entry).href === moduleUrl
}
