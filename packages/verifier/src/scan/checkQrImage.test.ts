import { residencyCard } from '@civitas/cli/demo'
import { fixedClock } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { describe, expect, it } from 'vitest'
import { createVerifier } from '../createVerifier.js'
import { checkQrImage } from './checkQrImage.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const audience = 'https://gate.example'
const nonce = 'n-image-check-1'

async function scene() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const resolver = createResolver()
  const { token } = await issueCredential({ issuer: city, credential: residencyCard(citizen.did), clock })
  const { token: presentation } = await createPresentation({
    holder: citizen,
    credentials: [token],
    audience,
    nonce,
    clock,
  })
  const verifier = createVerifier({ resolver, clock, trust: { ResidencyCard: [city.did] } })
  return { presentation, verifier }
}

describe('checkQrImage', () => {
  it('behavior: a PNG of CV1 text, and of the raw token, is scanned and checked', async () => {
    const { presentation, verifier } = await scene()
    for (const text of [encodeQr(presentation), presentation]) {
      const png = renderQr(text, { format: 'png', scale: 3, errorCorrection: 'L' })
      const report = await checkQrImage(verifier, png, { audience, nonce, types: ['ResidencyCard'] })
      expect(report.ok).toBe(true)
      expect(report.kind).toBe('presentation')
    }
  })

  it('error: pictures that cannot be read fail the parse check with their code, never throwing', async () => {
    const { verifier } = await scene()
    const blank = { data: new Uint8Array(64 * 64 * 4).fill(255), width: 64, height: 64 }
    for (const [image, code] of [
      [new TextEncoder().encode('not an image'), 'ERR_IMAGE_INVALID'],
      [blank, 'ERR_QR_NOT_FOUND'],
      [{ data: new Uint8Array(4), width: 8000, height: 8000 }, 'ERR_IMAGE_TOO_LARGE'],
      [null, 'ERR_INVALID_ARGUMENT'],
    ] as const) {
      const report = await checkQrImage(verifier, image as never, { audience, nonce })
      expect(report.ok).toBe(false)
      expect(report.checks.find((check) => check.status === 'failed')).toMatchObject({ name: 'parse', code })
    }
  })
})
