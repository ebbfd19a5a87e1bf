import { decodeQr, encodeQr } from '@civitas/qr'
import { CLAIM_RULES, type ClaimRule } from './claimRules.js'
import { type FuzzCase, type FuzzMode, type FuzzViolation, violationKind } from './fuzzCase.js'
import { labelRawMutant } from './labelRawMutant.js'
import type { LayeredToken } from './layeredToken.js'
import { assembleToken } from './layeredToken.js'
import type { FuzzPool, PoolEntry } from './pool.js'
import { createPrng, type Prng } from './prng.js'
import { mutateRaw } from './rawMutations.js'
import { saveReproducer } from './reproducers.js'
import { checkOnce, type Outcome, satisfies } from './verdict.js'

/** Options for {@link runFuzz}. */
export interface RunFuzzOptions {
  seed: number
  cases: number
  /** Where to write reproducers of violations (at most one per kind of violation). */
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
  /** Every violation by kind ({@link violationKind}): how many, and the first case's index. */
  violationKinds: Record<string, { count: number; first: number }>
  elapsedMs: number
}

const MAX_VIOLATIONS_KEPT = 200

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
  const donors = pool.entries.map((other) => (mode === 'raw' ? other.token : qrTextOf(other)))
  const { name, mutant } = mutateRaw(donors[pool.entries.indexOf(entry)] as string, prng, donors)
  const label = labelRawMutant(pool.entries, entry, mode === 'raw' ? mutant : rebuiltToken(mutant))
  return { ...base, mutation: name, reason: label.reason, input: mutant, expected: label.expected }
}

/** The token a verifier rebuilds from QR text, or `undefined` when the text rebuilds none. */
function rebuiltToken(text: string): string | undefined {
  try {
    return decodeQr(text)
  } catch {
    return undefined
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

const qrTexts = new WeakMap<PoolEntry, string>()
const qrTextOf = (entry: PoolEntry) => {
  const known = qrTexts.get(entry)
  if (known !== undefined) return known
  const text = encodeQr(entry.token)
  qrTexts.set(entry, text)
  return text
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
  const started = performance.now()
  const summary: FuzzSummary = {
    seed: options.seed,
    cases: 0,
    accepted: 0,
    rejectedByCode: {},
    byMode: { raw: 0, qr: 0, claim: 0 },
    violationCount: 0,
    violations: [],
    violationKinds: {},
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
      const kind = violationKind(violation)
      const known = summary.violationKinds[kind]
      if (known === undefined) summary.violationKinds[kind] = { count: 1, first: index }
      else known.count++
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
