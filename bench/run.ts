import { readdir } from 'node:fs/promises'

// Runs every bench/*.bench.ts in one process, in name order, so peers and Civitas share a machine state.
const directory = new URL('./', import.meta.url)
const only = process.argv.slice(2)
const files = (await readdir(directory))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort()

console.log(`# Civitas benchmarks (Node ${process.version}, one process, one core)`)
for (const file of files) {
  console.log(`\n## ${file}`)
  const bench = (await import(new URL(file, directory).href)) as { run(): Promise<void> }
  await bench.run()
}
