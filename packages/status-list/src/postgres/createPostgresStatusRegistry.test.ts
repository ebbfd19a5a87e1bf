import { userInfo } from 'node:os'
import { describeStatusRegistryConformance } from '@civitas/test-utils'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createPostgresStatusRegistry } from './createPostgresStatusRegistry.js'

// Real PostgreSQL on 127.0.0.1:5432, database `test`, trust auth: the OS user's role, else `postgres`.
async function findConnectionString(): Promise<string> {
  for (const user of [process.env.PGUSER, userInfo().username, 'postgres']) {
    if (user === undefined) continue
    const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/test`
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return url
    } catch {
      await client.end().catch(() => undefined)
    }
  }
  throw new Error('no PostgreSQL on 127.0.0.1:5432 (database test)')
}
const connectionString = await findConnectionString()
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
  ({ listLength, clock, namespace }) =>
    createPostgresStatusRegistry({
      connectionString,
      tablePrefix: `${run}${namespace}_`,
      listLength,
      allowShortLists: true,
      clock,
    }),
  { durable: true },
)

describe('createPostgresStatusRegistry', () => {
  it('behavior: 8 registries with separate pools allocating 2,000 indexes concurrently get no duplicate', async () => {
    const tablePrefix = `${run}conc_`
    const registries = Array.from({ length: 8 }, () =>
      createPostgresStatusRegistry({ connectionString, tablePrefix, listLength: 512, allowShortLists: true }),
    )
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
})
