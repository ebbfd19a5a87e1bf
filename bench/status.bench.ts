import { residencyCard } from '@civitas/cli/demo'
import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusChecker,
  createStatusListPublisher,
} from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import pg from 'pg'
import { compare, isMain, printTable, summarize } from './support/measure.js'

const POSTGRES = 'postgres://root@127.0.0.1:5432/test'

/** Status lists: the size of a published list, a status check with a warm cache, and PostgreSQL allocation. */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const resolver = createResolver()
  const registry = createMemoryStatusRegistry()
  const status = createStatusListPublisher({ registry, issuer: city, baseUrl: 'https://city.example/status' })

  const card = await issueCredential({ issuer: city, credential: residencyCard(city.did), status })
  const [listId = ''] = await registry.listIds()
  const sizes: string[] = []
  for (const revoked of [0, 1_000, 10_000]) {
    while ((await registry.audit()).length < revoked) {
      const { credentialId = '' } = await registry.allocate({
        purpose: 'revocation',
        credentialId: crypto.randomUUID(),
      })
      await status.revoke(credentialId, { actor: 'bench' })
    }
    for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
      const publisher = createStatusListPublisher({
        registry,
        issuer: city,
        baseUrl: 'https://city.example/status',
        format,
      })
      const signed = await publisher.publish(listId)
      sizes.push(
        `${format} list, 131,072 entries, ${revoked.toLocaleString('en-US')} set: ${signed?.token.length.toLocaleString('en-US')} bytes`,
      )
    }
  }
  console.log('\n### published status list credential sizes\n')
  for (const line of sizes) console.log(`- ${line}`)

  // A warm cache: the list was fetched once (through the publisher's own handler) and is reused.
  const checker = createStatusChecker({
    resolver,
    fetch: (url, init) => status.handler(new Request(url, init)),
  })
  const verified = await verifyCredential(card.token, { resolver })
  await checker.check(verified)

  // The same check for an SD-JWT VC: a statuslist+jwt publisher on the same registry, 10,000 of its
  // 131,072 2-bit entries revoked or suspended, the token fetched once and its decoded list reused.
  const tokens = createStatusListPublisher({
    registry,
    issuer: city,
    baseUrl: 'https://city.example/token-status',
    format: 'statuslist+jwt',
  })
  const sdJwt = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: { vct: 'urn:civitas:vct:bench:1', sub: city.did },
    status: tokens,
  })
  for (let i = 0; i < 10_000; i++) {
    const { credentialId = '' } = await registry.allocate({
      purpose: 'revocation',
      credentialId: crypto.randomUUID(),
      statusSize: 2,
    })
    await (i % 2 === 0 ? tokens.revoke : tokens.suspend)(credentialId, { actor: 'bench' })
  }
  const tokenListId = (await registry.findEntry({ credentialId: sdJwt.id ?? '' })).listId
  const signedTokenList = await tokens.publish(tokenListId)
  console.log(
    `- statuslist+jwt list, 131,072 2-bit entries, 10,000 set: ${signedTokenList?.token.length.toLocaleString('en-US')} bytes`,
  )
  const tokenChecker = createStatusChecker({
    resolver,
    fetch: (url, init) => tokens.handler(new Request(url, init)),
  })
  const verifiedSdJwt = await verifyCredential(sdJwt.token, { resolver })
  await tokenChecker.check(verifiedSdJwt)

  printTable(
    'status check of one credential, warm cache (list with 10,000 entries set)',
    await compare([
      {
        label: 'civitas createStatusChecker().check, W3C Bitstring Status List (vc+jwt)',
        library: 'civitas',
        task: () => checker.check(verified),
      },
      {
        label: 'civitas createStatusChecker().check, Token Status List (dc+sd-jwt)',
        library: 'civitas',
        task: () => tokenChecker.check(verifiedSdJwt),
      },
    ]),
  )

  await allocationThroughput()
}

async function allocationThroughput(): Promise<void> {
  const tablePrefix = `bench_${process.pid}_`
  const registry = createPostgresStatusRegistry({ connectionString: POSTGRES, tablePrefix })
  const callers = 8
  const perCaller = 500
  try {
    await registry.migrate()
    await registry.allocate({ purpose: 'revocation' })
    const started = performance.now()
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = 0; i < perCaller; i++) await registry.allocate({ purpose: 'revocation' })
      }),
    )
    const perSecond = (callers * perCaller * 1000) / (performance.now() - started)
    printTable(
      'PostgreSQL status index allocation (one process, 8 concurrent callers, 131,072-entry lists)',
      [
        {
          label: 'civitas createPostgresStatusRegistry().allocate',
          library: 'civitas',
          ...summarize([perSecond]),
        },
      ],
    )
  } finally {
    await registry.close()
    const pool = new pg.Pool({ connectionString: POSTGRES })
    await pool.query(
      `DROP TABLE IF EXISTS ${tablePrefix}audit, ${tablePrefix}entries, ${tablePrefix}lists, ${tablePrefix}schema_version`,
    )
    await pool.end()
  }
}

if (isMain(import.meta.url)) await run()
