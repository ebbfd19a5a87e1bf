import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { dropTables, findPostgresConnectionString } from '../../../../test/support/postgres.js'
import { runRegistryChild } from '../../../../test/support/registryChild.js'
import { startTcpProxy } from '../../../../test/support/tcpProxy.js'
import { createPostgresStatusRegistry } from './createPostgresStatusRegistry.js'

// The real PostgreSQL on 127.0.0.1:5432, behind a loopback proxy where a test needs an outage.
const connectionString = await findPostgresConnectionString()
const run = `cvpf_${Math.random().toString(36).slice(2, 8)}_`
const admin = new pg.Pool({ connectionString, max: 2 })
afterAll(async () => {
  await dropTables(connectionString, run)
  await admin.end()
})

// Through the proxy, with an application name that finds the registry's own backends in pg_stat_activity.
const viaProxy = (port: number, applicationName: string) => {
  const url = new URL(connectionString)
  url.host = `127.0.0.1:${port}`
  url.searchParams.set('application_name', applicationName)
  return url.href
}

describe('createPostgresStatusRegistry under faults', () => {
  it('error: used before migrate() the registry raises ERR_STORE_NOT_MIGRATED and creates nothing', async () => {
    const tablePrefix = `${run}nomig_`
    const registry = createPostgresStatusRegistry({ connectionString, tablePrefix })
    await expect(registry.allocate({ purpose: 'revocation' })).rejects.toMatchObject({
      code: 'ERR_STORE_NOT_MIGRATED',
    })
    await expect(registry.listIds()).rejects.toMatchObject({ code: 'ERR_STORE_NOT_MIGRATED' })
    const tables = await admin.query(`SELECT 1 FROM pg_tables WHERE tablename LIKE $1`, [`${tablePrefix}%`])
    expect(tables.rowCount).toBe(0)
    await registry.close()
  })

  it('behavior: migrate() from 12 clients at once, beside 4 registries writing, is idempotent and raises nothing', async () => {
    const tablePrefix = `${run}mig_`
    const first = createPostgresStatusRegistry({ connectionString, tablePrefix })
    await Promise.all(Array.from({ length: 12 }, () => first.migrate()))
    const writers = Array.from({ length: 4 }, () =>
      createPostgresStatusRegistry({ connectionString, tablePrefix }),
    )
    let writing = true
    const writes = writers.map(async (registry) => {
      let done = 0
      while (writing) {
        const entry = await registry.allocate({ purpose: 'revocation' })
        await registry.setStatus(entry, { value: 1, actor: 'writer' })
        done++
      }
      return done
    })
    // Registries starting while the others write: each migrates on start.
    for (let round = 0; round < 10; round++) {
      const starting = Array.from({ length: 4 }, () =>
        createPostgresStatusRegistry({ connectionString, tablePrefix }),
      )
      await Promise.all(starting.map((registry) => registry.migrate()))
      await Promise.all(starting.map((registry) => registry.allocate({ purpose: 'suspension' })))
      await Promise.all(starting.map((registry) => registry.close()))
    }
    writing = false
    expect((await Promise.all(writes)).every((done) => done > 0)).toBe(true)
    const version = await admin.query(`SELECT version FROM ${tablePrefix}schema_version`)
    expect(version.rows).toEqual([{ version: 1 }])
    await Promise.all([first, ...writers].map((registry) => registry.close()))
  }, 60_000)

  it('behavior: connections dropped by the server (proxy and pg_terminate_backend) never crash the process; the registry recovers', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 })
    const tablePrefix = `${run}drop_`
    const registry = createPostgresStatusRegistry({
      connectionString: viaProxy(proxy.port, tablePrefix),
      tablePrefix,
    })
    await registry.migrate()
    const entry = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:drop' })
    // Idle pooled connections closed under the registry: an unhandled `error` event would end the process here.
    proxy.drop()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await registry.getStatus(entry)).toBe(0)
    await registry.setStatus(entry, { value: 1, actor: 'after-drop' })
    // The server ends the registry's own backends.
    const mine = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [tablePrefix],
    )
    for (const { pid } of mine.rows) await admin.query('SELECT pg_terminate_backend($1)', [pid])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await registry.getStatus(entry)).toBe(1)
    // Down: a typed error with the driver's error as cause; up again: it works without a restart.
    proxy.down()
    const failure = await registry.allocate({ purpose: 'revocation' }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' })
    expect((failure as Error).cause).toBeDefined()
    await expect(registry.getStatus(entry)).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' })
    proxy.up()
    expect(await registry.getStatus(entry)).toBe(1)
    expect(mine.rows.length).toBeGreaterThan(0)
    await registry.close()
    await proxy.close()
  }, 30_000)

  it('error: an unreachable database raises ERR_STORE_UNAVAILABLE with the ECONNREFUSED cause', async () => {
    const registry = createPostgresStatusRegistry({
      connectionString: 'postgres://nobody@127.0.0.1:1/test',
      tablePrefix: `${run}gone_`,
    })
    for (const operation of [() => registry.migrate(), () => registry.allocate({ purpose: 'revocation' })]) {
      const failure = await operation().catch((error: unknown) => error)
      expect(failure).toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' })
      expect(JSON.stringify((failure as Error).cause, ['code'])).toContain('ECONNREFUSED')
    }
    await registry.close()
  })

  it('behavior: filling lists to roll-over uses every index exactly once, with no free index left in a full list', async () => {
    const tablePrefix = `${run}fill_`
    const listLength = 304
    const registries = Array.from({ length: 3 }, () =>
      createPostgresStatusRegistry({ connectionString, tablePrefix, listLength, allowShortLists: true }),
    )
    await Promise.all(registries.map((registry) => registry.migrate()))
    const taken: string[] = []
    await Promise.all(
      registries.flatMap((registry) =>
        Array.from({ length: 3 }, async () => {
          while (taken.length < 3 * listLength) {
            const { listId, index } = await registry.allocate({ purpose: 'revocation' })
            taken.push(`${listId}#${index}`)
          }
        }),
      ),
    )
    expect(new Set(taken).size).toBe(taken.length)
    const lists = await admin.query<{ is_full: boolean; used: number }>(
      `SELECT l.is_full, (SELECT count(*) FROM ${tablePrefix}entries e WHERE e.list_id = l.list_id)::int AS used
         FROM ${tablePrefix}lists l ORDER BY seq`,
    )
    const full = lists.rows.filter((list) => list.is_full)
    expect(full.length).toBeGreaterThanOrEqual(2)
    for (const list of full) expect(list.used).toBe(listLength)
    await Promise.all(registries.map((registry) => registry.close()))
  }, 60_000)

  it('behavior: an allocation orphaned by kill -9 of its process is retried and returns the same entry', async () => {
    const tablePrefix = `${run}orphan_`
    const setup = createPostgresStatusRegistry({ connectionString, tablePrefix })
    await setup.migrate()
    const ids = await killedAllocator(tablePrefix)
    expect(ids.length).toBeGreaterThan(0)
    for (const credentialId of ids) {
      // The last one may or may not have committed before the kill; either way the retry succeeds.
      const held = await setup.findEntry({ credentialId, purpose: 'revocation' }).catch(() => undefined)
      const retried = await setup.allocate({ purpose: 'revocation', credentialId })
      if (held !== undefined) expect(retried).toEqual(held)
      expect(await setup.allocate({ purpose: 'revocation', credentialId })).toEqual(retried)
    }
    await setup.close()
  }, 60_000)
})

// A child process allocating for credential ids, killed with SIGKILL after its first allocations commit.
const CHILD = `
const { createPostgresStatusRegistry } = await import(process.env.REGISTRY_MODULE)
const registry = createPostgresStatusRegistry({ connectionString: process.env.PG_URL, tablePrefix: process.env.PREFIX })
for (let i = 0; ; i++) {
  await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:orphan-' + i })
  process.stdout.write('allocated urn:uuid:orphan-' + i + '\\n')
}
`

async function killedAllocator(tablePrefix: string): Promise<string[]> {
  const out = await runRegistryChild({
    script: CHILD,
    env: { PG_URL: connectionString, PREFIX: tablePrefix },
    killWhen: (text) => text.split('\n').length > 20,
  })
  const allocated = [...out.matchAll(/allocated (\S+)/g)].map((match) => match[1] as string)
  // The one being allocated when the kill came may be committed without having been reported.
  return [...allocated, `urn:uuid:orphan-${allocated.length}`]
}
