import { mkdirSync, writeFileSync } from 'node:fs'
import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { scanQr } from '@civitas/qr/scan'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSignInExample } from '../../examples/sign-in/runSignInExample.js'
import { startSignInSite } from '../../examples/sign-in/startSignInSite.js'

const SCREENSHOTS = 'test/.out/sign-in'

describe('the sign-in example', () => {
  it('behavior: runs to completion: QR read from pixels, request checked, the citizen signed in', async () => {
    const lines: string[] = []
    await runSignInExample((line) => lines.push(line))
    expect(lines).toContainEqual(expect.stringMatching(/client_id and request_uri, nothing else/))
    expect(lines).toContainEqual(expect.stringMatching(/asks for: ResidencyCard; Mari approves/))
    expect(lines).toContainEqual(
      expect.stringMatching(/Welcome, Mari Tamm: resident of Tartu \(permanent\), signed in as did:key:/),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/sends her browser back to http:\/\/127\.0\.0\.1:\d+\//),
    )
  })

  describe('in real headless Chromium', () => {
    let browser: Browser

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    })
    afterAll(async () => {
      await browser?.close()
    })

    /** A city, a portal and a citizen whose wallet holds a residency card; the portal's site running. */
    async function scene() {
      const keyStore = createMemoryKeyStore()
      const resolver = createResolver()
      const [city, portal, citizen] = [
        await createDidKey({ keyStore, alg: 'EdDSA' }),
        await createDidKey({ keyStore, alg: 'EdDSA' }),
        await createDidKey({ keyStore, alg: 'ES256' }),
      ]
      const wallet = createWallet({
        identity: citizen,
        credentialStore: createMemoryCredentialStore(),
        resolver,
      })
      await wallet.receive(
        (await issueCredential({ issuer: city, credential: residencyCard(citizen.did), validFor: 3600_000 }))
          .token,
      )
      const site = await startSignInSite({ resolver, portal, cityDid: city.did })
      return { wallet, site, citizen }
    }

    it('behavior: the page shows a QR code that a wallet answers, then greets the person by name, the DID as a detail', async () => {
      const { wallet, site, citizen } = await scene()
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } })
      try {
        await page.goto(site.origin)
        await page.locator('#qr svg').waitFor()
        expect(await page.locator('h2').first().textContent()).toBe('Sign in with your wallet')
        const before = await page.screenshot({ fullPage: true })
        mkdirSync(SCREENSHOTS, { recursive: true })
        writeFileSync(`${SCREENSHOTS}/signed-out.png`, before)

        // The phone's camera: the QR text comes from the screenshot's pixels only.
        const qrText = await scanQr(new Uint8Array(before))
        expect(qrText).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3A/)
        await wallet.respond(qrText, { allowLoopbackHttp: true, approve: () => true })

        await page.locator('#greeting').waitFor({ state: 'visible' })
        expect(await page.locator('#greeting').textContent()).toBe('Welcome, Mari Tamm')
        expect(await page.locator('#who').textContent()).toBe('Resident of Tartu (permanent)')
        expect(await page.locator('#did code').textContent()).toBe(citizen.did)
        writeFileSync(`${SCREENSHOTS}/signed-in.png`, await page.screenshot({ fullPage: true }))
      } finally {
        await page.close()
        await site.close()
      }
    }, 60_000)

    it('behavior: same device: "Open in wallet" carries the QR code\'s request, and the wallet sends the browser back to the page, signed in', async () => {
      const { wallet, site, citizen } = await scene()
      const page = await browser.newPage({ viewport: { width: 400, height: 900 } })
      try {
        await page.goto(site.origin)
        await page.locator('#qr svg').waitFor()
        const link = page.locator('#open-in-wallet')
        expect(await link.textContent()).toBe('Open in wallet')
        const href = (await link.getAttribute('href')) ?? ''
        const qrText = await scanQr(new Uint8Array(await page.locator('#qr svg').screenshot()))
        expect(href).toMatch(/^openid4vp:\/\/\?/)
        expect(new URL(href).searchParams.get('request_uri')).toBe(
          new URL(qrText).searchParams.get('request_uri'),
        )
        expect(new URL(href).searchParams.get('client_id')).toBe(
          new URL(qrText).searchParams.get('client_id'),
        )

        // The wallet app on this phone opens the link, answers, and opens the redirect in the browser
        // (a new tab: the page that started the sign-in has no part in reading the result).
        const answer = await wallet.respond(href, { allowLoopbackHttp: true, approve: () => true })
        expect(answer.redirectUri).toMatch(new RegExp(`^${site.origin}/#response_code=[\\w-]{22,}$`))
        const back = await browser.newPage({ viewport: { width: 400, height: 900 } })
        try {
          await back.goto(answer.redirectUri as string)
          await back.locator('#greeting').waitFor({ state: 'visible' })
          expect(await back.locator('#greeting').textContent()).toBe('Welcome, Mari Tamm')
          expect(await back.locator('#did code').textContent()).toBe(citizen.did)
          // The page drops the code from its address bar.
          expect(back.url()).toBe(`${site.origin}/`)
          writeFileSync(`${SCREENSHOTS}/same-device-back.png`, await back.screenshot({ fullPage: true }))
        } finally {
          await back.close()
        }
        // A made-up code signs nobody in.
        const forged = await browser.newPage()
        try {
          await forged.goto(`${site.origin}/#response_code=made-up-code`)
          await forged.locator('#expires').filter({ hasText: 'expired' }).waitFor()
          expect(await forged.locator('#signed-in').isHidden()).toBe(true)
        } finally {
          await forged.close()
        }
      } finally {
        await page.close()
        await site.close()
      }
    }, 60_000)
  })
})
