import { describeStatusRegistryConformance } from '@civitas/test-utils'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { findPostgresConnectionString } from '../../../../test/support/postgres.js'
import { runRegistryChild } from '../../../../test/support/registryChild.js'
import { createPostgresStatusRegistry } from './createPostgresStatusRegistry.js'

const connectionString = await findPostgresConnectionString()
const run = `cvsl_${Math.random().toString(36).slice(2, 8)}_`
const admin = new pg.Pool({ connectionString, max: 2 })

afterAll(async () => {
  const tables = await admin.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
    [`${run}%`],
  )
  for (const { tablename } of tables.rows) await admin.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`)
  await admin.end()
})

describeStatusRegistryConformance(
  'postgres',
  async ({ listLength, clock, namespace }) => {
    const registry = createPostgresStatusRegistry({
      connectionString,
      tablePrefix: `${run}${namespace}_`,
      listLength,
      allowShortLists: true,
      clock,
    })
    await registry.migrate()
    return registry
  },
  { durable: true },
)

describe('createPostgresStatusRegistry', () => {
  it('behavior: 8 registries with separate pools allocating 2,000 indexes concurrently get no duplicate', async () => {
    const tablePrefix = `${run}conc_`
    const registries = Array.from({ length: 8 }, () =>
      createPostgresStatusRegistry({ connectionString, tablePrefix, listLength: 512, allowShortLists: true }),
    )
    await Promise.all(registries.map((registry) => registry.migrate()))
    const started = performance.now()
    const results = await Promise.all(
      registries.map(async (registry) => {
        const mine: string[] = []
        await Promise.all(
          Array.from({ length: 5 }, async () => {
            for (let i = 0; i < 50; i++) {
              const { listId, index } = await registry.allocate({ purpose: 'revocation' })
              mine.push(`${listId}#${index}`)
            }
          }),
        )
        return mine
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const all = results.flat()
    expect(all.length).toBe(2000)
    expect(new Set(all).size).toBe(2000)
    const lists = await registries[0]?.listIds()
    expect(lists?.length).toBe(4)
    const { rows } = await admin.query(
      `SELECT is_full, (SELECT count(*) FROM ${tablePrefix}entries e WHERE e.list_id = l.list_id)::int AS used
         FROM ${tablePrefix}lists l ORDER BY seq`,
    )
    // Lists fill completely before rolling over: 512 + 512 + 512 + 464.
    expect(rows.map((r) => [r.is_full, r.used])).toEqual([
      [true, 512],
      [true, 512],
      [true, 512],
      [false, 464],
    ])
    console.info(`postgres allocation: 2000 indexes, 8 pools, ${Math.round(2000 / seconds)} allocations/s`)
    await Promise.all(registries.map((r) => r.close()))
  })

  it('behavior: a caller-owned pool is left open by close()', async () => {
    const pool: InstanceType<typeof pg.Pool> = new pg.Pool({ connectionString, max: 2 })
    const registry = createPostgresStatusRegistry({ pool, tablePrefix: `${run}pool_` })
    await registry.migrate()
    const entry = await registry.allocate({ purpose: 'revocation' })
    expect((await registry.getList(entry.listId))?.length).toBe(131_072)
    await registry.close()
    expect((await pool.query('SELECT 1 AS one')).rows[0]?.one).toBe(1)
    await pool.end()
  })

  it('error: table prefixes that are not plain identifiers are refused with ERR_INVALID_ARGUMENT', () => {
    for (const tablePrefix of [
      'x; DROP TABLE users; --',
      'Upper_',
      '1abc',
      '',
      'a"b',
      'a'.repeat(41),
      'ü_',
    ]) {
      expect(() => createPostgresStatusRegistry({ connectionString, tablePrefix })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('error: missing pool and connection string, or short lists without opting in, are ERR_INVALID_ARGUMENT', () => {
    expect(() => createPostgresStatusRegistry({})).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createPostgresStatusRegistry({ connectionString, listLength: 64 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('behavior: two processes each allocating 10,000 indexes from shared 131,072-entry lists get no duplicate', async () => {
    const tablePrefix = `${run}procs_`
    const started = performance.now()
    const outputs = await Promise.all(
      [0, 1].map(() => runChild({ tablePrefix, mode: 'allocate', count: 10_000 })),
    )
    const seconds = (performance.now() - started) / 1000
    const all = outputs.flatMap((out) => JSON.parse(out) as string[])
    expect(all.length).toBe(20_000)
    expect(new Set(all).size).toBe(20_000)
    console.info(
      `postgres allocation: 2 processes x 10,000, ${Math.round(20_000 / seconds)} allocations/s (incl. start-up)`,
    )
  }, 120_000)

  it('behavior: a process killed in the middle of updates leaves entries and audit trail consistent', async () => {
    const tablePrefix = `${run}kill_`
    await runChild({ tablePrefix, mode: 'churn', count: 0, killAfter: 'progress 300' })
    const { rows } = await admin.query<{ list_id: string; idx: number; value: number; last: number | null }>(
      `SELECT e.list_id, e.idx, e.value, (SELECT a.value FROM ${tablePrefix}audit a
         WHERE a.list_id = e.list_id AND a.idx = e.idx ORDER BY a.seq DESC LIMIT 1) AS last
       FROM ${tablePrefix}entries e`,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.value).toBe(row.last ?? 0)
    const broken = await admin.query(
      `SELECT 1 FROM (SELECT previous, lag(value, 1, 0) OVER (PARTITION BY list_id, idx ORDER BY seq) AS before
         FROM ${tablePrefix}audit) AS chain WHERE previous <> before`,
    )
    expect(broken.rowCount).toBe(0)
    const registry = createPostgresStatusRegistry({ connectionString, tablePrefix })
    await registry.migrate()
    const entry = await registry.allocate({ purpose: 'revocation' })
    await registry.setStatus(entry, { value: 1, actor: 'after-crash' })
    expect(await registry.getStatus(entry)).toBe(1)
    await registry.close()
  }, 120_000)
})

// A child process running the registry from TypeScript source (tsx), as a second issuer instance would.
const CHILD = `
const { createPostgresStatusRegistry } = await import(process.env.REGISTRY_MODULE)
const registry = createPostgresStatusRegistry({ connectionString: process.env.PG_URL, tablePrefix: process.env.PREFIX })
await registry.migrate()
if (process.env.MODE === 'allocate') {
  const out = []
  const count = Number(process.env.COUNT)
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (out.length < count) {
      const { listId, index } = await registry.allocate({ purpose: 'revocation' })
      out.push(listId + '#' + index)
    }
  }))
  process.stdout.write(JSON.stringify(out.slice(0, count)))
  await registry.close()
} else {
  let done = 0
  await Promise.all(Array.from({ length: 4 }, async (_, worker) => {
    for (;;) {
      const entry = await registry.allocate({ purpose: 'revocation' })
      for (let i = 0; i < 3; i++) {
        await registry.setStatus(entry, { value: (i + worker) % 2, actor: 'worker' + worker })
        if (++done % 100 === 0) process.stdout.write('progress ' + done + '\\n')
      }
    }
  }))
}
`

function runChild(options: {
  tablePrefix: string
  mode: string
  count: number
  killAfter?: string
}): Promise<string> {
  const { killAfter } = options
  return runRegistryChild({
    script: CHILD,
    env: {
      PG_URL: connectionString,
      PREFIX: options.tablePrefix,
      MODE: options.mode,
      COUNT: String(options.count),
    },
    ...(killAfter === undefined ? {} : { killWhen: (out: string) => out.includes(killAfter) }),
  })
}
