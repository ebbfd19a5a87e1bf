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
      expect.stringMatching(/Signed in as did:key:.*resident of Tartu \(permanent\)/),
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

    it('behavior: the page shows a QR code that a wallet answers, then the signed-in DID and claims', async () => {
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
        expect(await page.locator('#greeting').textContent()).toBe(`Signed in as ${citizen.did}`)
        expect(await page.locator('#who').textContent()).toBe('Mari Tamm, resident of Tartu (permanent)')
        writeFileSync(`${SCREENSHOTS}/signed-in.png`, await page.screenshot({ fullPage: true }))
      } finally {
        await page.close()
        await site.close()
      }
    }, 60_000)
  })
})
