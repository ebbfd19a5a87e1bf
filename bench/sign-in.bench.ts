import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { residencyCard, startLoopbackServer } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createSignInRelyingParty, type DcqlQuery, type NonceStore } from '@civitas/sign-in'
import { createRedisNonceStore } from '@civitas/sign-in/redis'
import { createVerifier } from '@civitas/verifier'
import { isMain, printTable, summarize } from './support/measure.js'

const query: DcqlQuery = {
  credentials: [{ id: 'residency', format: 'vc+jwt', meta: { type_values: [['ResidencyCard']] } }],
}

/**
 * Sign-in completions per second for one relying party (this process, one core for its event loop)
 * answered by a wallet in another process over loopback HTTP: each completion is a request object
 * served and signed, then an ID token and a presentation with its credential verified.
 */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()
  const [city, portal, citizen] = [
    await createDidKey({ keyStore, alg: 'EdDSA' }),
    await createDidKey({ keyStore, alg: 'EdDSA' }),
    await createDidKey({ keyStore, alg: 'EdDSA' }),
  ]
  const card = await issueCredential({ issuer: city, credential: residencyCard(citizen.did) })
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  const verifier = createVerifier({ resolver, trust: { ResidencyCard: [city.did] } })
  const relyingParty = (store?: NonceStore) =>
    createSignInRelyingParty({
      baseUrl: `${server.origin}/sign-in`,
      resolver,
      identity: portal,
      verifier,
      ...(store === undefined ? {} : { store }),
    })
  // Shared Redis: this run's keys under a prefix of their own (they expire with their transactions).
  const redis = createRedisNonceStore({ prefix: `civitas-bench:${process.pid}:${Date.now()}:` })
  const stores = [
    { name: 'memory store', rp: relyingParty() },
    { name: 'Redis store', rp: relyingParty(redis) },
  ]
  let rp = stores[0]?.rp as ReturnType<typeof relyingParty>
  handler = (request) => rp.handler(request)
  const [citizenKey] = (await keyStore.listKeys()).slice(2)
  const wallet = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=civitas-source', 'bench/support/signInWallet.ts'],
    {
      env: {
        ...process.env,
        CIVITAS_BENCH_WALLET: JSON.stringify({
          privateJwk: await keyStore.exportPrivateKey(citizenKey?.id ?? ''),
          card: card.token,
        }),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const answers = createInterface({ input: wallet.stdout })[Symbol.asyncIterator]()
  const signIns = async (count: number, concurrency: number) => {
    const started = performance.now()
    let sent = 0
    const send = async () => {
      wallet.stdin.write(`${(await rp.start({ query })).qr}\n`)
      sent++
    }
    for (let i = 0; i < concurrency; i++) await send()
    for (let done = 0; done < count; done++) {
      const { value } = await answers.next()
      if (value !== 'done') throw new Error(`the wallet failed: ${value}`)
      if (sent < count) await send()
    }
    return (count * 1000) / (performance.now() - started)
  }
  try {
    const rows = []
    for (const store of stores) {
      rp = store.rp
      await signIns(50, 4)
      for (const concurrency of [1, 8]) {
        rows.push({
          label: `civitas sign-ins completed, ${concurrency} at a time, ${store.name}`,
          library: 'civitas',
          ...summarize([
            await signIns(200, concurrency),
            await signIns(200, concurrency),
            await signIns(200, concurrency),
          ]),
        })
      }
    }
    printTable('sign in with a wallet: relying party here, wallet in another process, loopback HTTP', rows)
  } finally {
    wallet.stdin.end()
    wallet.kill()
    await server.close()
    await redis.close()
  }
}

if (isMain(import.meta.url)) await run()
