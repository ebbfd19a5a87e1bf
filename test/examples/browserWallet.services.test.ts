import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { residencyCard } from '@civitas/cli/demo'
import { issueCredential, verifyPresentation } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserWalletSite } from '../../examples/browser-wallet/startBrowserWalletSite.js'

// The browser wallet example end to end in real headless Chromium with a profile on disk.
describe('the browser wallet example in Chromium', () => {
  const resolver = createResolver()
  const profile = mkdtempSync(join(tmpdir(), 'civitas-wallet-profile-'))
  let site: Awaited<ReturnType<typeof startBrowserWalletSite>>
  let city: Awaited<ReturnType<typeof createDidKey>>
  let context: BrowserContext
  let page: Page

  async function open(): Promise<void> {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox'],
      headless: true,
    })
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto(site.origin)
    await page.locator('body[data-ready="true"]').waitFor()
  }

  const text = async (selector: string) => (await page.locator(selector).textContent()) ?? ''
  async function receive(did: string): Promise<void> {
    const { token } = await issueCredential({
      issuer: city,
      credential: residencyCard(did),
      validFor: 3600_000,
    })
    const before = await page.locator('#credentials li').count()
    await page.fill('#token', token)
    await page.click('#receive')
    await expect
      .poll(async () => `${await text('#error')}${await page.locator('#credentials li').count()}`)
      .toBe(`${before + 1}`)
  }
  async function pairwiseDid(clientId: string): Promise<string> {
    await page.evaluate(() => {
      ;(document.getElementById('pairwise-did') as HTMLElement).textContent = ''
    })
    await page.fill('#client-id', clientId)
    await page.click('#pairwise')
    await expect.poll(() => text('#pairwise-did')).toMatch(/^did:peer:2\./)
    return text('#pairwise-did')
  }
  /** Signs in at a service from the page; returns the DID the service saw and the time the page took. */
  async function signIn(service: string): Promise<{ did: string; ms: number }> {
    const started = (await (await fetch(`${site.origin}/${service}/start`, { method: 'POST' })).json()) as {
      id: string
      qr: string
    }
    await page.evaluate(() => {
      const output = document.getElementById('signed-in') as HTMLElement
      output.textContent = ''
      delete output.dataset.ms
    })
    await page.fill('#request', started.qr)
    await page.click('#respond')
    await page.locator('#signed-in[data-ms]').waitFor()
    const status = (await (await fetch(`${site.origin}/${service}/status?id=${started.id}`)).json()) as {
      status: string
      result?: { did: string }
    }
    expect(status.status).toBe('complete')
    expect(await text('#signed-in')).toContain(`as ${status.result?.did}`)
    return {
      did: status.result?.did ?? '',
      ms: Number(await page.locator('#signed-in').getAttribute('data-ms')),
    }
  }

  beforeAll(async () => {
    const keyStore = createMemoryKeyStore()
    city = await createDidKey({ keyStore, alg: 'EdDSA' })
    const identities = {
      clinic: await createDidKey({ keyStore, alg: 'EdDSA' }),
      library: await createDidKey({ keyStore, alg: 'EdDSA' }),
    }
    site = await startBrowserWalletSite({
      resolver,
      cityDid: city.did,
      services: ['clinic', 'library'],
      identities,
    })
    await open()
  })
  afterAll(async () => {
    await context?.close()
    await site?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('behavior: receives, presents (verified in Node), signs in with a DID per service, and keeps it all', async () => {
    const mainDid = await text('#did')
    expect(mainDid).toMatch(/^did:key:zDn/)
    await receive(mainDid)
    expect(await page.locator('#credentials li .qr svg').count()).toBe(1)

    await page.fill('#audience', 'https://hotel.example')
    await page.fill('#nonce', 'n-0S6_WzA2Mj-wallet')
    await page.click('#present')
    await expect.poll(() => text('#presentation')).toMatch(/^ey/)
    const verified = await verifyPresentation(await text('#presentation'), {
      resolver,
      audience: 'https://hotel.example',
      nonce: 'n-0S6_WzA2Mj-wallet',
    })
    expect(verified.holder).toBe(mainDid)

    const dids: Record<string, string> = {}
    for (const service of ['clinic', 'library']) {
      dids[service] = await pairwiseDid(site.services.get(service)?.clientId ?? '')
      await receive(dids[service] ?? '')
    }
    expect(dids.clinic).not.toBe(dids.library)
    const clinic = await signIn('clinic')
    const library = await signIn('library')
    expect(clinic.did).toBe(dids.clinic)
    expect(library.did).toBe(dids.library)
    console.log(
      `browser wallet sign-in in Chromium: ${clinic.ms} ms, ${library.ms} ms; bundle ${site.bundleBytes} bytes`,
    )

    // The keys cannot be read by script: every stored CryptoKey refuses export.
    const exports = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('civitas-wallet-keys')
        request.onsuccess = () => resolve(request.result)
      })
      const records = await new Promise<Array<{ id: string; privateKey: CryptoKey }>>((resolve) => {
        const request = db.transaction('keys').objectStore('keys').getAll()
        request.onsuccess = () => resolve(request.result)
      })
      db.close()
      return Promise.all(
        records.map((record) =>
          crypto.subtle.exportKey('jwk', record.privateKey).then(
            () => `${record.id}: exported`,
            (error: Error) => `${record.id}: ${error.name}`,
          ),
        ),
      )
    })
    expect(exports).toHaveLength(3)
    for (const outcome of exports) expect(outcome).toMatch(/: InvalidAccessError$/)

    await page.reload()
    await page.locator('body[data-ready="true"]').waitFor()
    expect(await text('#did')).toBe(mainDid)
    expect(await page.locator('#credentials li').count()).toBe(3)

    await context.close()
    await open()
    expect(await text('#did')).toBe(mainDid)
    expect(await page.locator('#credentials li').count()).toBe(3)
    expect((await signIn('clinic')).did).toBe(dids.clinic)
  }, 120_000)
})
