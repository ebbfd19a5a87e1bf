import { randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'
import { formatSummary } from './formatSummary.js'
import { createFuzzPool } from './pool.js'
import { REPRODUCER_DIR } from './reproducers.js'
import { generateCase, runCase, runFuzz } from './runFuzz.js'
import { describeVerdict, satisfies } from './verdict.js'

// The long run: `npm run fuzz [-- --seed N --cases N --case I]`, or CIVITAS_FUZZ_SEED / CIVITAS_FUZZ_CASES.
// Without a seed it takes a fresh one each run, printed first so that any run can be repeated.
const { values } = parseArgs({
  options: { seed: { type: 'string' }, cases: { type: 'string' }, case: { type: 'string' } },
})
const seed = Number(values.seed ?? process.env.CIVITAS_FUZZ_SEED ?? randomInt(2 ** 31))
const cases = Number(values.cases ?? process.env.CIVITAS_FUZZ_CASES ?? 1_000_000)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(cases) || cases < 1) {
  console.error('fuzz: --seed and --cases must be integers')
  process.exit(2)
}
console.log(`fuzz: seed ${seed} (repeat with CIVITAS_FUZZ_SEED=${seed})`)
const pool = await createFuzzPool()

if (values.case !== undefined) {
  // One case, shown in full: what was made, how it is labelled, what the verifier said.
  const fuzzCase = await generateCase(pool, seed, Number(values.case))
  const outcome = await runCase(pool, fuzzCase)
  console.log(JSON.stringify({ ...fuzzCase, outcome }, null, 2))
  console.log(
    satisfies(outcome, fuzzCase.expected) ? 'label holds' : `VIOLATION: got ${describeVerdict(outcome)}`,
  )
  process.exit(satisfies(outcome, fuzzCase.expected) ? 0 : 1)
}

const summary = await runFuzz(pool, {
  seed,
  cases,
  reproducerDir: REPRODUCER_DIR,
  progressEvery: 10_000,
  onProgress: (done, partial) => {
    const rate = done / (partial.elapsedMs / 1000)
    console.log(
      `  ${done}/${cases} cases, ${rate.toFixed(0)}/s, ${partial.accepted} accepted, ${partial.violationCount} violations`,
    )
  },
})
console.log(formatSummary(summary))
if (summary.violationCount > 0) console.log(`reproducers written to ${REPRODUCER_DIR}`)
process.exit(summary.violationCount === 0 ? 0 : 1)
