import { residencyCard, startLoopbackServer } from '@civitas/cli/demo'
import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusChecker,
  createStatusList,
  createStatusListCredential,
  createStatusListPublisher,
  createTokenStatusList,
  issueStatusListToken,
  type StatusListFormat,
  type StatusListSnapshot,
} from '@civitas/status-list'
import { registryThroughput } from './support/cityRegistry.js'
import { type BenchRow, isMain, recordTable, summarize } from './support/measure.js'

/** A city of ten million residents, one status entry each, in one list. */
export const CITY_LIST_LENGTH = 10_000_000
/** Entries set in the city's list: one resident in a hundred revoked (or, in a token list, suspended). */
const CITY_SET = 100_000
const RUNS = 3

/** A timed step: its median over `RUNS` runs, in milliseconds, and the bytes it produced. */
interface Step {
  label: string
  ms: number
  bytes: number
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const samples: number[] = []
  let result: T | undefined
  for (let round = 0; round < RUNS; round++) {
    const started = performance.now()
    result = await run()
    samples.push(performance.now() - started)
  }
  return { ms: summarize(samples).opsPerSecond, result: result as T }
}

/**
 * City-scale figures: status lists of ten million entries in both formats, each step with its time
 * and bytes; the PostgreSQL registry's allocations and revocations from issuer processes.
 */
export async function run(sections: readonly string[] = []): Promise<void> {
  const wants = (section: string) => sections.length === 0 || sections.includes(section)
  if (wants('city-lists')) {
    const city = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    for (const format of ['vc+jwt', 'statuslist+jwt'] as const) await cityList(city, format)
  }
  if (wants('city-registry')) await registryThroughput(CITY_LIST_LENGTH)
}

/**
 * One list of ten million entries through a publisher over loopback HTTP: made from the registry's
 * snapshot, compressed, signed, published, then fetched, verified and decoded by a status checker
 * that finally answers for one credential from memory.
 */
async function cityList(city: Identity, format: StatusListFormat): Promise<void> {
  const tokens = format === 'statuslist+jwt'
  const registry = createMemoryStatusRegistry({ listLength: CITY_LIST_LENGTH })
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  try {
    const publisher = createStatusListPublisher({
      registry,
      issuer: city,
      baseUrl: `${server.origin}/status`,
      format,
    })
    handler = publisher.handler
    const card = await issueCredential(
      tokens
        ? {
            issuer: city,
            format: 'dc+sd-jwt',
            credential: { vct: 'urn:civitas:vct:resident:1', sub: city.did },
            status: publisher,
          }
        : { issuer: city, credential: residencyCard(city.did), status: publisher },
    )
    const { listId } = await registry.findEntry({ credentialId: card.id ?? '' })
    for (let set = 0; set < CITY_SET; set++) {
      const { listId: entryList, index } = await registry.allocate({
        purpose: 'revocation',
        ...(tokens ? { statusSize: 2 } : {}),
      })
      await registry.setStatus(
        { listId: entryList, index },
        { value: tokens && set % 2 ? 2 : 1, actor: 'bench' },
      )
    }
    const snapshot = (await registry.getList(listId)) as StatusListSnapshot

    const steps: Step[] = []
    const created = await timed(async () => {
      const list = tokens
        ? createTokenStatusList({ length: snapshot.length, bits: snapshot.statusSize })
        : createStatusList({ length: snapshot.length, statusSize: snapshot.statusSize })
      for (const { index, value } of snapshot.entries) list.set(index, value)
      return list
    })
    steps.push({
      label: 'create from the registry, set entries',
      ms: created.ms,
      bytes: (snapshot.length * snapshot.statusSize) / 8,
    })
    const list = created.result
    const compressed = await timed(async () => list.encode())
    const encoded = compressed.result
    steps.push({
      label: 'compress',
      ms: compressed.ms,
      bytes: typeof encoded === 'string' ? encoded.length : encoded.lst.length,
    })
    const uri = `${server.origin}/status/${encodeURIComponent(listId)}`
    const signed = await timed(async () =>
      'bits' in list
        ? (await issueStatusListToken({ issuer: city, uri, list })).token
        : (
            await issueCredential({
              issuer: city,
              credential: await createStatusListCredential({
                id: uri,
                issuer: city.did,
                statusPurpose: 'revocation',
                list,
              }),
            })
          ).token,
    )
    steps.push({ label: 'compress and sign', ms: signed.ms, bytes: signed.result.length })
    // The publisher re-signs only a changed list: each run changes one entry, as a revocation would.
    const published = await timed(async () => {
      const { listId: entryList, index } = await registry.allocate({
        purpose: 'revocation',
        ...(tokens ? { statusSize: 2 } : {}),
      })
      await registry.setStatus({ listId: entryList, index }, { value: 1, actor: 'bench' })
      return publisher.publish(listId)
    })
    steps.push({
      label: 'publish (snapshot, create, compress, sign)',
      ms: published.ms,
      bytes: published.result?.token.length ?? 0,
    })
    const resolver = createResolver()
    const verified = await verifyCredential(card.token, { resolver })
    const options = { resolver, allowHttp: true, allowHosts: ['127.0.0.1'] }
    let checker = createStatusChecker(options)
    const fetched = await timed(async () => {
      checker = createStatusChecker(options)
      return checker.check(verified)
    })
    const [entry] = fetched.result.entries
    if (entry?.ok !== true) throw new Error(`the card's entry reads ${String(entry?.status)}`)
    steps.push({
      label: 'fetch over loopback HTTP, verify, decode, check one entry',
      ms: fetched.ms,
      bytes: published.result?.token.length ?? 0,
    })
    const warm = 10_000
    const started = performance.now()
    for (let check = 0; check < warm; check++) await checker.check(verified)
    steps.push({
      label: 'check one entry, warm (decoded list in memory)',
      ms: (performance.now() - started) / warm,
      bytes: 0,
    })
    report(format, snapshot.entries.filter(({ value }) => value !== 0).length, steps)
  } finally {
    await server.close()
  }
}

function report(format: StatusListFormat, set: number, steps: readonly Step[]): void {
  const kind =
    format === 'statuslist+jwt'
      ? 'Token Status List (statuslist+jwt, 2 bits)'
      : 'Bitstring Status List (vc+jwt, 1 bit)'
  const title = `city scale: ${kind} of ${CITY_LIST_LENGTH.toLocaleString('en-US')} entries, ${set.toLocaleString('en-US')} set`
  console.log(`\n### ${title}\n`)
  console.log('| step | median time | bytes |\n|---|---:|---:|')
  for (const { label, ms, bytes } of steps)
    console.log(
      `| ${label} | ${ms < 1 ? `${(ms * 1000).toPrecision(2)} µs` : `${ms.toFixed(0)} ms`} | ${bytes === 0 ? '—' : bytes.toLocaleString('en-US')} |`,
    )
  // Kept as milliseconds per step in results.json (the `opsPerSecond` field holds the median ms).
  recordTable({
    title,
    unit: 'ms',
    rows: steps.map(
      ({ label, ms, bytes }): BenchRow => ({ label, library: 'civitas', ...summarize([ms]), bytes }),
    ),
  })
}

if (isMain(import.meta.url)) await run()
