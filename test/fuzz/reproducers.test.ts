import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CLAIM_RULES } from './claimRules.js'
import type { FuzzViolation } from './fuzzCase.js'
import { createFuzzPool } from './pool.js'
import { readReproducers, replayReproducer, saveReproducer } from './reproducers.js'
import { applyRule } from './runFuzz.js'
import { checkOnce } from './verdict.js'

const saved = readReproducers()

describe('fuzz reproducers', () => {
  // Each failing case a fuzz run found, kept after its fix so that it never comes back.
  it.skipIf(saved.length === 0).each(saved)('regression: $file keeps its label', async ({ reproducer }) => {
    const { holds, outcome } = await replayReproducer(reproducer)
    expect({ holds, outcome }).toMatchObject({ holds: true })
  })

  const dir = mkdtempSync(join(tmpdir(), 'civitas-fuzz-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('behavior: a saved case replays without the pool that made it, and a broken label shows', async () => {
    const pool = await createFuzzPool()
    const entry = pool.entries.find((candidate) => candidate.name === 'vc+jwt')
    const rule = CLAIM_RULES.find((candidate) => candidate.id === 'time.exp-past')
    if (entry === undefined || rule === undefined) throw new Error('pool entry or rule missing')
    const made = await applyRule(pool, entry, rule)
    const outcome = await checkOnce(pool.verifier, made.input, made.expectations)
    const violation: FuzzViolation = {
      seed: 7,
      index: 3,
      mode: 'claim',
      target: entry.name,
      ...made,
      outcome,
    }
    saveReproducer(dir, pool, violation, new Set())
    saveReproducer(dir, pool, { ...violation, index: 4, expected: { accept: true } }, new Set())
    const [kept, mislabelled] = readReproducers(dir)
    expect(kept?.file).toBe('7-3.json')
    expect(await replayReproducer(kept?.reproducer as never)).toEqual({
      holds: true,
      outcome: { ok: false, code: 'ERR_CREDENTIAL_EXPIRED' },
    })
    expect((await replayReproducer(mislabelled?.reproducer as never)).holds).toBe(false)
  })
})
