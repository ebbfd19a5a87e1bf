import { fixedClock } from '@civitas/core'
import { createPresentation, issueCredential, verifyPresentation } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { decodeQr, encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { scanQr } from '@civitas/qr/scan'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, residencyInput, YEAR } from '../support/parties.js'
import { jpeg, pad, pngPixels, rotate, scale } from '../support/qrImages.js'

// A citizen shows the residency card at a hotel desk as a QR code; the desk scans it and verifies.
const clock = fixedClock(NOW)
const audience = 'https://hotel.example'
const nonce = 'n-0S6_WzA2Mj'
const LEVELS = ['L', 'M', 'Q'] as const

async function residencyTokens(format: 'vc+jwt' | 'jwt_vc_json') {
  const { city, citizen, resolver } = await createParties('EdDSA', 'EdDSA')
  const credential = (
    await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      format,
      clock,
      validFor: YEAR,
    })
  ).token
  const presentation = (
    await createPresentation({ holder: citizen, credentials: [credential], audience, nonce, format, clock })
  ).token
  const verify = (token: string) => verifyPresentation(token, { resolver, audience, nonce, clock })
  return { citizen, credential, presentation, verify }
}

/** Modules of the smallest QR code holding the data at the level; a code that fits nowhere counts as version 40. */
function modules(
  segment: QRCode.QRCodeSegment,
  level: (typeof LEVELS)[number],
): { version: number; modules: number; fits: boolean } {
  try {
    const { version } = QRCode.create([segment], { errorCorrectionLevel: level })
    return { version, modules: (4 * version + 17) ** 2, fits: true }
  } catch {
    return { version: 40, modules: 177 ** 2, fits: false }
  }
}

describe('a presentation as a QR code', () => {
  for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
    it(`behavior: issue, present, encode, render PNG, scan, decode and verify (${format})`, async () => {
      const { citizen, presentation, verify } = await residencyTokens(format)
      const text = encodeQr(presentation)
      const scanned = await scanQr(renderQr(text, { format: 'png', scale: 4 }))
      expect(scanned).toBe(text)
      const token = decodeQr(scanned)
      expect(token).toBe(presentation)
      const verified = await verify(token)
      expect(verified.holder).toBe(citizen.did)
      expect(verified.credentials).toHaveLength(1)
    })
  }

  it('behavior: the same from a photo-like image (scaled, rotated, in a margin, JPEG)', async () => {
    const { presentation, verify } = await residencyTokens('vc+jwt')
    const text = encodeQr(presentation)
    const pixels = pngPixels(renderQr(text, { format: 'png', scale: 5 }))
    const photo = jpeg(pad(rotate(scale(pixels, 0.85), -4), 90, [214, 205, 190]), 55)
    const token = decodeQr(await scanQr(photo))
    expect(token).toBe(presentation)
    await expect(verify(token)).resolves.toMatchObject({ holder: expect.stringMatching(/^did:key:/) })
  })

  it('behavior: a raw token scanned from a byte-mode code passes decodeQr unchanged and verifies', async () => {
    const { presentation, verify } = await residencyTokens('jwt_vc_json')
    const token = decodeQr(
      await scanQr(renderQr(presentation, { format: 'png', errorCorrection: 'L', scale: 3 })),
    )
    expect(token).toBe(presentation)
    await expect(verify(token)).resolves.toBeDefined()
  })

  it('behavior: CV1 needs at most 60 % (credential) and 50 % (presentation) of the modules of the raw token in byte mode', async () => {
    for (const format of ['vc+jwt', 'jwt_vc_json'] as const) {
      const { credential, presentation } = await residencyTokens(format)
      for (const [token, share] of [
        [credential, 0.6],
        [presentation, 0.5],
      ] as const) {
        for (const level of LEVELS) {
          const raw = modules({ data: new TextEncoder().encode(token), mode: 'byte' }, level)
          const civitas = modules(
            { data: encodeQr(token, { errorCorrection: level }), mode: 'alphanumeric' },
            level,
          )
          expect(civitas.fits).toBe(true)
          expect(civitas.modules).toBeLessThanOrEqual(share * raw.modules)
        }
      }
    }
  })

  it('error: QR text altered where a signature is stored decodes to a token that fails with ERR_SIGNATURE_INVALID', async () => {
    const { presentation, verify } = await residencyTokens('vc+jwt')
    const text = encodeQr(presentation)
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
    // Characters 4.. encode the raw section first: the signatures. Change the low digit of one triple.
    let altered: string | undefined
    for (let at = 4; altered === undefined; at += 3) {
      const char = alphabet[(alphabet.indexOf(text.charAt(at)) + 1) % 45] as string
      const candidate = text.slice(0, at) + char + text.slice(at + 1)
      try {
        if (decodeQr(candidate) !== presentation) altered = candidate
      } catch {}
    }
    await expect(verify(decodeQr(altered))).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }),
    )
  })

  it('behavior: an SD-JWT VC presentation with key binding round-trips exactly through CV1 and a PNG, and verifies', async () => {
    const { city, citizen, resolver } = await createParties('EdDSA', 'ES256')
    const credential = (
      await issueCredential({
        issuer: city,
        format: 'dc+sd-jwt',
        ...residency.buildSdJwt(residencyInput(citizen.did), { clock }),
        clock,
        validFor: YEAR,
      })
    ).token
    const { token: presentation } = await createPresentation({
      holder: citizen,
      credentials: [credential],
      disclose: ['age_equal_or_over.19', 'address.locality'],
      audience,
      nonce,
      clock,
    })
    expect(presentation.split('~').length).toBeGreaterThan(3)
    const text = encodeQr(presentation)
    expect(text.startsWith('CV1:')).toBe(true)
    expect(decodeQr(text)).toBe(presentation)
    const token = decodeQr(await scanQr(renderQr(text, { format: 'png', scale: 4 })))
    expect(token).toBe(presentation)
    const verified = await verifyPresentation(token, { resolver, audience, nonce, clock })
    expect(verified.holder).toBe(citizen.did)
    expect(verified.credentials[0]?.credential).toMatchObject({ age_equal_or_over: { '19': true } })
  })
})
