import { decodeQr, encodeQr } from '@civitas/qr'
import type { CheckExpectations } from '@civitas/verifier'
import { CLAIM_RULES, type ClaimRule } from './claimRules.js'
import type { LayeredToken } from './layeredToken.js'
import { assembleToken } from './layeredToken.js'
import type { FuzzPool, PoolEntry } from './pool.js'
import { createPrng, type Prng } from './prng.js'
import { mutateRaw } from './rawMutations.js'
import { saveReproducer } from './reproducers.js'
import { type SignedChange, signedChange } from './signedView.js'
import { checkOnce, describeVerdict, type Expected, type Outcome, satisfies } from './verdict.js'

/** How a case was made: a raw edit of the token, a raw edit of its QR text, or a re-signed claim change. */
export type FuzzMode = 'raw' | 'qr' | 'claim'

/** One generated case, with everything needed to check it again without the pool. */
export interface FuzzCase {
  seed: number
  index: number
  mode: FuzzMode
  /** The pool entry it came from (`vp+jwt`, `dc+sd-jwt+kb`, …). */
  target: string
  /** The raw mutations applied, or the claim rule's id. */
  mutation: string
  /** Why it is labelled so: the signed-bytes comparison, or the RULES.md section. */
  reason: string
  input: string
  expectations: CheckExpectations
  expected: Expected
}

/** A case whose outcome broke its label. */
export interface FuzzViolation extends FuzzCase {
  outcome: Outcome
}

/** Options for {@link runFuzz}. */
export interface RunFuzzOptions {
  seed: number
  cases: number
  /** Where to write reproducers of violations (at most one per target, mutation kind and outcome). */
  reproducerDir?: string
  /** Called every `progressEvery` cases. */
  onProgress?: (done: number, summary: FuzzSummary) => void
  progressEvery?: number
}

/** Totals of a run. */
export interface FuzzSummary {
  seed: number
  cases: number
  accepted: number
  rejectedByCode: Record<string, number>
  byMode: Record<FuzzMode, number>
  /** How many cases broke their label. */
  violationCount: number
  /** The first of them, in full (at most 200). */
  violations: FuzzViolation[]
  elapsedMs: number
}

const MAX_VIOLATIONS_KEPT = 200

/** What a raw change of signed bytes demands, given the original token's verdict. */
function expectedForChange(change: SignedChange, baseline: Outcome): Expected {
  if (change === 'signed-bytes') return { reject: 'any' }
  if (change === 'none')
    return baseline.ok ? { accept: true } : { reject: 'code' in baseline ? [baseline.code] : 'any' }
  return { typed: true }
}

function copyLayered(token: LayeredToken): LayeredToken {
  return {
    credential: { ...token.credential },
    ...(token.disclosures === undefined ? {} : { disclosures: [...token.disclosures] }),
    ...(token.envelope === undefined
      ? {}
      : { envelope: { ...token.envelope, layer: { ...token.envelope.layer } } }),
  }
}

/** The `index`-th case of a run with `seed`: the same case on every machine, whatever ran before. */
export async function generateCase(pool: FuzzPool, seed: number, index: number): Promise<FuzzCase> {
  const prng = createPrng(seed, index)
  const roll = prng.next()
  const mode: FuzzMode = roll < 0.45 ? 'raw' : roll < 0.65 ? 'qr' : 'claim'
  const entry = prng.pick(pool.entries)
  const base = { seed, index, mode, target: entry.name, expectations: entry.expectations }
  if (mode === 'claim') return claimCase(pool, entry, prng, base)
  const baseline = baselines.get(pool)?.get(entry) as Outcome
  if (mode === 'raw') {
    const { name, mutant } = mutateRaw(
      entry.token,
      prng,
      pool.entries.map((other) => other.token),
    )
    const change = signedChange(entry.token, mutant)
    return {
      ...base,
      mutation: name,
      reason: `signed bytes: ${change}`,
      input: mutant,
      expected: expectedForChange(change, baseline),
    }
  }
  const qrTexts = pool.entries.map((other) => qrTextOf(other))
  const { name, mutant } = mutateRaw(qrTextOf(entry), prng, qrTexts)
  let change: SignedChange
  try {
    change = signedChange(entry.token, decodeQr(mutant))
  } catch {
    change = 'signed-bytes'
  }
  return {
    ...base,
    mutation: name,
    reason: `rebuilt signed bytes: ${change}`,
    input: mutant,
    expected: expectedForChange(change, baseline),
  }
}

async function claimCase(
  pool: FuzzPool,
  entry: PoolEntry,
  prng: Prng,
  base: Pick<FuzzCase, 'seed' | 'index' | 'mode' | 'target' | 'expectations'>,
): Promise<FuzzCase> {
  const rule = prng.pick(CLAIM_RULES.filter((candidate) => candidate.applies(entry)))
  return { ...base, ...(await applyRule(pool, entry, rule, prng)) }
}

/** A claim rule applied to one pool entry: the re-signed input and its label. */
export async function applyRule(
  pool: FuzzPool,
  entry: PoolEntry,
  rule: ClaimRule,
  prng: Prng = createPrng(0),
): Promise<Pick<FuzzCase, 'mutation' | 'reason' | 'input' | 'expectations' | 'expected'>> {
  const layered = copyLayered(entry.layered)
  const changed = await rule.mutate(layered, { pool, entry, random: prng.next })
  const input = changed?.input ?? (await assembleToken(layered, entry.embedded))
  return {
    mutation: rule.id,
    reason: `RULES.md: ${rule.rule}`,
    input,
    expectations: changed?.expectations ?? entry.expectations,
    expected: rule.expected,
  }
}

const baselines = new WeakMap<FuzzPool, Map<PoolEntry, Outcome>>()
const qrTexts = new WeakMap<PoolEntry, string>()
const qrTextOf = (entry: PoolEntry) => {
  const known = qrTexts.get(entry)
  if (known !== undefined) return known
  const text = encodeQr(entry.token)
  qrTexts.set(entry, text)
  return text
}

/** Each pooled token's own verdict, which raw mutations that leave the signed bytes alone must keep. */
async function baselineOf(pool: FuzzPool): Promise<void> {
  if (baselines.has(pool)) return
  const outcomes = new Map<PoolEntry, Outcome>()
  for (const entry of pool.entries) {
    const outcome = await checkOnce(pool.verifier, entry.token, entry.expectations)
    if (!outcome.ok) throw new Error(`fuzz pool: ${entry.name} does not verify (${describeVerdict(outcome)})`)
    outcomes.set(entry, outcome)
  }
  baselines.set(pool, outcomes)
}

/** Checks one case against its label. */
export async function runCase(pool: FuzzPool, fuzzCase: FuzzCase): Promise<Outcome> {
  return checkOnce(pool.verifier, fuzzCase.input, fuzzCase.expectations)
}

/**
 * Runs `cases` fuzz cases from `seed` against the pool's verifier and tallies the verdicts. Every case
 * is labelled before it runs: raw mutations by whether the bytes under a signature changed, claim-level
 * ones by their rule. A case whose verdict breaks its label (or that throws, hangs, or is refused
 * without a typed code) is a violation, written as a reproducer when `reproducerDir` is given.
 */
export async function runFuzz(pool: FuzzPool, options: RunFuzzOptions): Promise<FuzzSummary> {
  await baselineOf(pool)
  const started = performance.now()
  const summary: FuzzSummary = {
    seed: options.seed,
    cases: 0,
    accepted: 0,
    rejectedByCode: {},
    byMode: { raw: 0, qr: 0, claim: 0 },
    violationCount: 0,
    violations: [],
    elapsedMs: 0,
  }
  const written = new Set<string>()
  const every = options.progressEvery ?? 10_000
  for (let index = 0; index < options.cases; index++) {
    const fuzzCase = await generateCase(pool, options.seed, index)
    const outcome = await runCase(pool, fuzzCase)
    summary.cases++
    summary.byMode[fuzzCase.mode]++
    if (outcome.ok) summary.accepted++
    else {
      const code = 'code' in outcome ? outcome.code : 'BROKEN'
      summary.rejectedByCode[code] = (summary.rejectedByCode[code] ?? 0) + 1
    }
    if (!satisfies(outcome, fuzzCase.expected)) {
      const violation = { ...fuzzCase, outcome }
      summary.violationCount++
      if (summary.violations.length < MAX_VIOLATIONS_KEPT) summary.violations.push(violation)
      if (options.reproducerDir !== undefined) saveReproducer(options.reproducerDir, pool, violation, written)
    }
    if ((index + 1) % every === 0) {
      summary.elapsedMs = performance.now() - started
      options.onProgress?.(index + 1, summary)
    }
  }
  summary.elapsedMs = performance.now() - started
  return summary
}
