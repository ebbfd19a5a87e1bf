import { createResolver } from '@civitas/did'
import { createVerifier } from '@civitas/verifier'
import { afterEach, describe, expect, it } from 'vitest'
import { startTcpProxy, type TcpProxy } from '../../../../test/support/tcpProxy.js'
import { createSignInRelyingParty } from '../createSignInRelyingParty.js'
import type { NonceStore } from '../types.js'
import { createRedisNonceStore } from './createRedisNonceStore.js'

// The real Redis on 127.0.0.1:6379 behind a loopback proxy that takes it away and brings it back.
const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close()
})

async function storeBehindProxy(): Promise<{ proxy: TcpProxy; store: NonceStore }> {
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 })
  opened.push(proxy)
  const store = createRedisNonceStore({
    url: `redis://127.0.0.1:${proxy.port}`,
    prefix: `test:outage:${crypto.randomUUID()}:`,
    timeoutMs: 500,
  })
  opened.push(store)
  return { proxy, store }
}

/** Runs `operation` and returns how it failed and how long it took. */
async function timedFailure(operation: () => Promise<unknown>): Promise<{ code: unknown; ms: number }> {
  const started = performance.now()
  const error = await operation().then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  return { code: (error as { code?: unknown } | undefined)?.code, ms: performance.now() - started }
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < ms) {
    if (await check().catch(() => false)) return performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`not recovered within ${ms} ms`)
}

describe('createRedisNonceStore under outages', () => {
  it('behavior: during a 3 s outage every operation fails fast with ERR_STORE_UNAVAILABLE, then the store recovers by itself', async () => {
    const { proxy, store } = await storeBehindProxy()
    await store.set('tx:before', 'kept', 60_000)
    proxy.down()
    const outageStarted = performance.now()
    const failures: { code: unknown; ms: number }[] = []
    while (performance.now() - outageStarted < 3000) {
      failures.push(await timedFailure(() => store.get('tx:before')))
      failures.push(await timedFailure(() => store.claim('done:during', 60_000)))
      failures.push(await timedFailure(() => store.set('tx:during', 'v', 60_000)))
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(failures.length).toBeGreaterThan(20)
    for (const failure of failures) {
      expect(failure.code).toBe('ERR_STORE_UNAVAILABLE')
      expect(failure.ms).toBeLessThan(600)
    }
    proxy.up()
    const recoveredAfter = await waitUntil(async () => (await store.get('tx:before')) === 'kept', 5000)
    expect(recoveredAfter).toBeLessThan(3000)
    expect(await store.claim('done:after', 60_000)).toBe(true)
    expect(await store.claim('done:after', 60_000)).toBe(false)
    console.info(
      `redis nonce store: ${failures.length} typed failures in a 3 s outage, recovered in ${Math.round(recoveredAfter)} ms`,
    )
  }, 20_000)

  it('behavior: connections dropped by the server are re-established; a hung server fails commands after timeoutMs', async () => {
    const { proxy, store } = await storeBehindProxy()
    await store.set('tx:a', 'v', 60_000)
    proxy.drop()
    await waitUntil(async () => (await store.get('tx:a')) === 'v', 5000)
    proxy.pause()
    const hung = await timedFailure(() => store.get('tx:a'))
    expect(hung.code).toBe('ERR_STORE_UNAVAILABLE')
    expect(hung.ms).toBeLessThan(1500)
    proxy.up()
    proxy.drop()
    await waitUntil(async () => (await store.get('tx:a')) === 'v', 5000)
  }, 20_000)

  it('error: a store whose Redis is down from the start fails with ERR_STORE_UNAVAILABLE within timeoutMs, and works once Redis comes', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 })
    opened.push(proxy)
    proxy.down()
    const store = createRedisNonceStore({
      url: `redis://127.0.0.1:${proxy.port}`,
      prefix: `test:outage:${crypto.randomUUID()}:`,
      timeoutMs: 500,
    })
    opened.push(store)
    const first = await timedFailure(() => store.get('x'))
    expect(first.code).toBe('ERR_STORE_UNAVAILABLE')
    expect(first.ms).toBeLessThan(1000)
    proxy.up()
    await waitUntil(async () => (await store.claim('done:x', 60_000)) === true, 5000)
  }, 20_000)

  it('behavior: the sign-in handler answers 503 with ERR_STORE_UNAVAILABLE for GET request and status while Redis is down, and serves them again after', async () => {
    const { proxy, store } = await storeBehindProxy()
    const resolver = createResolver()
    const rp = createSignInRelyingParty({
      baseUrl: 'https://rp.example/sign-in',
      resolver,
      verifier: createVerifier({ resolver, trust: 'any' }),
      store,
    })
    const started = await rp.start({
      query: {
        credentials: [{ id: 'card', format: 'jwt_vc_json', meta: { type_values: [['ResidencyCard']] } }],
      },
    })
    const requestUrl = new URL(started.qr).searchParams.get('request_uri') as string
    const statusUrl = `https://rp.example/sign-in/status/${started.id}`
    const get = (url: string) => rp.handler(new Request(url))
    proxy.down()
    for (const url of [requestUrl, statusUrl]) {
      const response = await get(url)
      expect(response.status).toBe(503)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(await response.json()).toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' })
    }
    proxy.up()
    await waitUntil(async () => (await get(statusUrl)).status === 200, 5000)
    expect(await (await get(statusUrl)).json()).toMatchObject({ status: 'pending' })
    expect((await get(requestUrl)).status).toBe(200)
  }, 20_000)
})
