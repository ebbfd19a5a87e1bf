import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { createStatusListPublisher } from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import pg from 'pg'
import { printTable, summarize } from './measure.js'

const POSTGRES = 'postgres://root@127.0.0.1:5432/test'
/** Allocations per issuer process, and concurrent callers in each. */
const PER_PROCESS = 2_000
const CALLERS = 8
const REVOCATIONS = 1_000

/** Starts an issuer process that allocates on `go`; resolves once it is ready. */
async function startIssuer(env: object) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('issuerChild.ts', import.meta.url).pathname],
    { env: { ...process.env, CIVITAS_BENCH_REGISTRY: JSON.stringify(env) } },
  )
  child.stderr.pipe(process.stderr)
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  if ((await lines.next()).value !== 'ready') throw new Error('an issuer process did not start')
  return {
    go: () => child.stdin.write('go\n'),
    result: async () =>
      JSON.parse((await lines.next()).value as string) as { ms: number; allocations: string[] },
  }
}

/**
 * The PostgreSQL registry at city scale (lists of `listLength` entries): allocations per second from
 * one and from two issuer processes, each with several callers, every allocation checked unique; then
 * revocations per second while the publisher regenerates and re-signs the list as it changes.
 */
export async function registryThroughput(listLength: number): Promise<void> {
  const tablePrefix = `bench_city_${process.pid}_${Math.random().toString(36).slice(2, 8)}_`
  const registry = createPostgresStatusRegistry({ connectionString: POSTGRES, tablePrefix, listLength })
  const admin = new pg.Pool({ connectionString: POSTGRES, max: 1 })
  try {
    await registry.migrate()
    const rows = []
    const seen = new Set<string>()
    for (const processes of [1, 2]) {
      const issuers = await Promise.all(
        Array.from({ length: processes }, () =>
          startIssuer({
            connectionString: POSTGRES,
            tablePrefix,
            listLength,
            count: PER_PROCESS,
            callers: CALLERS,
          }),
        ),
      )
      const started = performance.now()
      for (const issuer of issuers) issuer.go()
      const results = await Promise.all(issuers.map((issuer) => issuer.result()))
      const perSecond = (processes * PER_PROCESS * 1000) / (performance.now() - started)
      for (const { allocations } of results) for (const entry of allocations) seen.add(entry)
      const given = results.reduce((sum, { allocations }) => sum + allocations.length, 0)
      const stored = await admin.query<{ count: string }>(`SELECT count(*) FROM ${tablePrefix}entries`)
      // Every allocation any process got is distinct, and the table holds exactly those.
      if (seen.size !== Number(stored.rows[0]?.count) || given !== processes * (PER_PROCESS + 1))
        throw new Error(
          `duplicate or lost allocations: ${seen.size} distinct, ${stored.rows[0]?.count} stored`,
        )
      rows.push({
        label: `allocate, ${processes} issuer process${processes > 1 ? 'es' : ''} × ${CALLERS} callers (checked: ${seen.size.toLocaleString('en-US')} allocations in all, no index twice)`,
        library: 'civitas',
        ...summarize([perSecond]),
      })
    }
    rows.push(
      ...(await revocationsWhileRegenerating(registry, {
        connectionString: POSTGRES,
        tablePrefix,
        listLength,
      })),
    )
    printTable(
      `city scale: PostgreSQL status registry, ${listLength.toLocaleString('en-US')}-entry lists, processes on this machine`,
      rows,
    )
  } finally {
    await registry.close()
    const tables = await admin.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
      [`${tablePrefix}%`],
    )
    for (const { tablename } of tables.rows) await admin.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`)
    await admin.end()
  }
}

/**
 * Revocations per second by an issuer process while this process's publisher regenerates and re-signs
 * the list back to back, each time it finds it changed (as a busy list endpoint would).
 */
async function revocationsWhileRegenerating(
  registry: ReturnType<typeof createPostgresStatusRegistry>,
  env: { connectionString: string; tablePrefix: string; listLength: number },
) {
  const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
  const publisher = createStatusListPublisher({
    registry,
    issuer: city,
    baseUrl: 'https://city.example/status',
  })
  // Half are revoked with nothing else running, half while the publisher regenerates.
  const half = REVOCATIONS / 2
  const revoke = Array.from({ length: REVOCATIONS }, (_, index) => `urn:uuid:bench-${index}`)
  const allocations = await Promise.all(
    revoke.map((credentialId) => registry.allocate({ purpose: 'revocation', credentialId })),
  )
  const listId = allocations[0]?.listId ?? ''
  await publisher.publish(listId)
  const alone = await startIssuer({
    ...env,
    count: 0,
    callers: CALLERS,
    revoke: revoke.slice(0, half),
  })
  alone.go()
  const baseline = (await alone.result()).ms
  const issuer = await startIssuer({
    ...env,
    count: 0,
    callers: CALLERS,
    revoke: revoke.slice(half),
  })
  let revoking = true
  const regenerations: number[] = []
  const regenerate = async () => {
    while (revoking) {
      const started = performance.now()
      await publisher.publish(listId)
      regenerations.push(performance.now() - started)
    }
  }
  issuer.go()
  const publishing = regenerate()
  const { ms } = await issuer.result()
  revoking = false
  await publishing
  const snapshot = await registry.getList(listId)
  const revoked = snapshot?.entries.filter((entry) => entry.value === 1).length ?? 0
  if (revoked < REVOCATIONS) throw new Error(`only ${revoked} of ${REVOCATIONS} revocations stored`)
  const regeneration = summarize(regenerations).opsPerSecond
  return [
    {
      label: `revoke, 1 issuer process × ${CALLERS} callers, nothing else running`,
      library: 'civitas',
      ...summarize([(half * 1000) / baseline]),
    },
    {
      label: `revoke, 1 issuer process × ${CALLERS} callers, while this process re-signed the list ${regenerations.length} times (${regeneration.toFixed(0)} ms each)`,
      library: 'civitas',
      ...summarize([(half * 1000) / ms]),
    },
  ]
}
