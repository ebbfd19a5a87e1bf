import { describe, expect, it } from 'vitest'
import { CLAIM_RULES } from './claimRules.js'
import { describeViolations, formatSummary } from './formatSummary.js'
import { createFuzzPool } from './pool.js'
import { applyRule, runFuzz } from './runFuzz.js'
import { checkOnce, describeVerdict, satisfies } from './verdict.js'

// A fixed seed keeps the suite deterministic; `npm run fuzz` takes a fresh seed and a million cases.
const SEED = 20_261_123
const CASES = 20_000

const pool = await createFuzzPool()
const table = CLAIM_RULES.flatMap((rule) =>
  pool.entries.filter((entry) => rule.applies(entry)).map((entry) => ({ rule, entry, name: entry.name })),
)

describe('fuzz: the verifier under raw and claim-level mutation', () => {
  it(`property: ${CASES} cases from seed ${SEED} (raw, QR text and re-signed claims) all keep their label`, async () => {
    const summary = await runFuzz(pool, { seed: SEED, cases: CASES })
    console.log(formatSummary(summary))
    expect(summary.cases).toBe(CASES)
    // Every mode and many verdicts are exercised, so the run cannot pass by checking nothing.
    expect(Math.min(summary.byMode.raw, summary.byMode.qr, summary.byMode.claim)).toBeGreaterThan(CASES / 10)
    expect(summary.accepted).toBeGreaterThan(CASES / 100)
    expect(Object.keys(summary.rejectedByCode).length).toBeGreaterThan(10)
    expect(describeViolations(summary)).toEqual([])
  }, 180_000)

  // Every claim rule once on every token it applies to, so no rule's verdict depends on the seed.
  it.each(table)('rule $rule.id on $name', async ({ rule, entry }) => {
    const made = await applyRule(pool, entry, rule)
    const outcome = await checkOnce(pool.verifier, made.input, made.expectations)
    expect(satisfies(outcome, made.expected) ? 'holds' : `got ${describeVerdict(outcome)}`).toBe('holds')
  })
})
