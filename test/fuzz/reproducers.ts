import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type FuzzCase, type FuzzViolation, violationKind } from './fuzzCase.js'
import { createFuzzVerifier, type FuzzPool } from './pool.js'
import { checkOnce, type Outcome, satisfies } from './verdict.js'

/** Where `npm run fuzz` saves failing cases, and where the test suite replays them from. */
export const REPRODUCER_DIR = fileURLToPath(new URL('./reproducers/', import.meta.url))

/** A failing case with the verifier setting it ran under: replayable without the pool that made it. */
export interface Reproducer {
  case: FuzzCase
  /** What the verifier said when the case was found. */
  outcome: Outcome
  now: number
  trust: Record<string, string[]>
}

/**
 * Writes a violation as `<seed>-<index>.json`, at most one per kind of violation in a run (`seen`
 * remembers them), so a long run's many copies of one fault make one file.
 */
export function saveReproducer(
  dir: string,
  pool: FuzzPool,
  violation: FuzzViolation,
  seen: Set<string>,
): void {
  const key = violationKind(violation)
  if (seen.has(key)) return
  seen.add(key)
  mkdirSync(dir, { recursive: true })
  const { outcome, ...fuzzCase } = violation
  const reproducer: Reproducer = { case: fuzzCase, outcome, now: pool.now, trust: pool.trust }
  writeFileSync(
    join(dir, `${violation.seed}-${violation.index}.json`),
    `${JSON.stringify(reproducer, null, 2)}\n`,
  )
}

/** Every reproducer in `dir` (none when it does not exist), by file name. */
export function readReproducers(dir: string = REPRODUCER_DIR): { file: string; reproducer: Reproducer }[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'))
  } catch {
    return []
  }
  return files
    .sort()
    .map((file) => ({ file, reproducer: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Reproducer }))
}

/** Checks a reproducer's input again under its own setting; `holds` when the verdict now meets the label. */
export async function replayReproducer(
  reproducer: Reproducer,
): Promise<{ holds: boolean; outcome: Outcome }> {
  const verifier = createFuzzVerifier(reproducer.now, reproducer.trust)
  const outcome = await checkOnce(verifier, reproducer.case.input, reproducer.case.expectations)
  return { holds: satisfies(outcome, reproducer.case.expected), outcome }
}
