// Runs Civitas's browser stores in real headless Chromium and drives them from Node: the test page
// (test/browser/harnessPage.ts) is bundled with esbuild, served on loopback, and called through
// page.evaluate, so the same vitest conformance suites run against the real IndexedDB and WebCrypto.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CivitasError, type CivitasErrorCode } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import type { CredentialStore } from '@civitas/wallet'
import { build } from 'esbuild'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type BridgeOutcome, decodeBridgeValue, encodeBridgeValue } from './bridgeCodec.js'

const PAGE = new URL('../browser/harnessPage.ts', import.meta.url).pathname

/** A page in Chromium with the browser stores loaded, and the calls into it. */
export interface BrowserHarness {
  readonly origin: string
  readonly page: Page
  readonly context: BrowserContext
  /** Calls one of the page's calls; a thrown CivitasError comes back with its code and details. */
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>
  /** Reloads the page (the page's JavaScript state is gone, IndexedDB stays). */
  reload(): Promise<void>
  /** Closes the browser and starts it again on the same profile directory. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Options for {@link startBrowserHarness}. */
export interface BrowserHarnessOptions {
  /**
   * The origin's storage quota in bytes, Chromium's own enforcement set through the DevTools
   * protocol before the page first uses IndexedDB (Chromium reads the quota then).
   */
  quotaBytes?: number
}

/** Bundles the test page, serves it on 127.0.0.1 and opens it in Chromium with a fresh profile. */
export async function startBrowserHarness(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
  const bundle = await build({
    entryPoints: [PAGE],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['civitas-source'],
    write: false,
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]?.text ?? ''
  const server: Server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>loading</title><script type="module" src="/page.js"></script>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const profile = mkdtempSync(join(tmpdir(), 'civitas-chromium-'))

  let context: BrowserContext
  let page: Page
  const open = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox'],
      headless: true,
    })
    page = context.pages()[0] ?? (await context.newPage())
    if (options.quotaBytes !== undefined) {
      const session = await context.newCDPSession(page)
      await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: options.quotaBytes })
    }
    await page.goto(origin)
    await page.waitForFunction(() => document.title === 'ready')
  }
  await open()

  return {
    origin,
    get page() {
      return page
    },
    get context() {
      return context
    },
    async call<T>(name: string, ...args: unknown[]): Promise<T> {
      const outcome = (await page.evaluate(
        ([callName, encoded]) =>
          (
            globalThis as unknown as { civitasHarness: { call(n: string, a: unknown): Promise<unknown> } }
          ).civitasHarness.call(callName, encoded),
        [name, encodeBridgeValue(args)] as const,
      )) as BridgeOutcome
      if (outcome.ok) return decodeBridgeValue(outcome.value) as T
      const { code, message, details, name: errorName } = outcome.error
      if (code === undefined) throw Object.assign(new Error(message), { name: errorName })
      throw new CivitasError(code as CivitasErrorCode, message, {
        ...(details === undefined ? {} : { details: details as Record<string, unknown> }),
      })
    },
    async reload() {
      await page.reload()
      await page.waitForFunction(() => document.title === 'ready')
    },
    async restart() {
      await context.close()
      await open()
    },
    async close() {
      await context?.close()
      await new Promise((resolve) => server.close(resolve))
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

let handles = 0

/** A plain object in Node whose methods each run the same-named method of a store opened in the page. */
async function openBrowserStore<T>(
  harness: BrowserHarness,
  opener: 'openKeyStore' | 'openCredentialStore',
  options: object,
  methods: readonly string[],
): Promise<T & { handle: string; opened: unknown }> {
  const handle = `store-${++handles}`
  const opened = await harness.call(opener, handle, options)
  const proxy: Record<string, unknown> = { handle, opened }
  for (const method of methods)
    proxy[method] = (...args: unknown[]) => harness.call('invoke', handle, method, args)
  return proxy as T & { handle: string; opened: unknown }
}

/** A KeyStore in Node whose every call runs on a WebCrypto key store in the page. */
export async function openBrowserKeyStore(
  harness: BrowserHarness,
  options: { databaseName: string; algorithms?: readonly string[] },
): Promise<KeyStore & { handle: string }> {
  const methods = ['createKey', 'importKey', 'getKey', 'listKeys', 'sign', 'deleteKey', 'exportPrivateKey']
  const store = await openBrowserStore<KeyStore>(harness, 'openKeyStore', options, methods)
  return Object.assign(store, { algorithms: store.opened as KeyStore['algorithms'] })
}

/** A CredentialStore in Node whose every call runs on an IndexedDB credential store in the page. */
export function openBrowserCredentialStore(
  harness: BrowserHarness,
  options: { databaseName: string },
): Promise<CredentialStore & { handle: string }> {
  return openBrowserStore<CredentialStore>(harness, 'openCredentialStore', options, [
    'put',
    'get',
    'list',
    'delete',
  ])
}

/** Starts a harness before the file's tests and closes it after; returns a getter for it. */
export function useBrowserHarness(): () => BrowserHarness {
  let harness: BrowserHarness | undefined
  beforeAll(async () => {
    harness = await startBrowserHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })
  return () => {
    if (harness === undefined) throw new Error('the browser harness has not started')
    return harness
  }
}
