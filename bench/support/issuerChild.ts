// An issuer instance in its own process for the city-scale registry benchmark: it opens the
// PostgreSQL registry, says `ready`, and on a `go` line either allocates `count` entries or revokes
// the given credentials, with several concurrent callers; then prints, as one JSON line, how long
// that took and every allocation it got (`listId:index`).
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'

const { connectionString, tablePrefix, listLength, count, callers, revoke } = JSON.parse(
  process.env.CIVITAS_BENCH_REGISTRY ?? '{}',
) as {
  connectionString: string
  tablePrefix: string
  listLength: number
  count: number
  callers: number
  revoke?: string[]
}
const registry = createPostgresStatusRegistry({ connectionString, tablePrefix, listLength })
// One allocation opens the connections, so the timed work measures the registry alone.
const allocations = [await registry.allocate({ purpose: 'revocation' })]
process.stdout.write('ready\n')
const lines = createInterface({ input: process.stdin })
await once(lines, 'line')
const started = performance.now()
const queue = [...(revoke ?? [])]
await Promise.all(
  Array.from({ length: callers }, async () => {
    if (revoke === undefined) {
      for (let i = 0; i < count / callers; i++)
        allocations.push(await registry.allocate({ purpose: 'revocation' }))
      return
    }
    for (let credentialId = queue.pop(); credentialId !== undefined; credentialId = queue.pop())
      await registry.setStatus({ credentialId, purpose: 'revocation' }, { value: 1, actor: 'bench' })
  }),
)
const ms = performance.now() - started
process.stdout.write(
  `${JSON.stringify({ ms, allocations: allocations.map((a) => `${a.listId}:${a.index}`) })}\n`,
)
lines.close()
await registry.close()
