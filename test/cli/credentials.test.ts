import { readFile, writeFile } from 'node:fs/promises'
import { residencyInput } from '@civitas/cli/demo'
import { decodeQr } from '@civitas/qr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkspace, jsonOf, MEMBERSHIP_CLAIMS } from './civitas.js'

const workspace = await createWorkspace()
afterAll(() => workspace.cleanup())

// The demo citizen's residency claims, without a subject: the command line names the subject.
const { subject: _subject, ...RESIDENCY } = residencyInput('')

let society: string
let citizen: string
let card: string

beforeAll(async () => {
  society = await workspace.createDid('key')
  citizen = await workspace.createDid('jwk', '--alg', 'ES256')
  const issued = await workspace.run([
    'issue',
    '--template',
    'membership',
    '--subject',
    citizen,
    '--issuer-key',
    society,
    ...MEMBERSHIP_CLAIMS,
  ])
  expect(issued.code).toBe(0)
  card = issued.stdout.trim()
})

describe('civitas issue, verify, wallet and qr (child processes)', { timeout: 120_000 }, () => {
  it('behavior: issue prints a vc+jwt that verify accepts from a trusted issuer (exit code 0)', async () => {
    expect(card.split('.')).toHaveLength(3)
    const run = await workspace.run(['verify', card, '--trust', `MembershipCard=${society}`])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^ACCEPTED credential \(MembershipCard\)/)
    expect(run.stdout).toContain(`issuer  ${society}`)
  })

  it('behavior: verify - reads the token (or its QR text) from standard input', async () => {
    const run = await workspace.run(['verify', '-', '--trust', `MembershipCard=${society}`], {
      input: `${card}\n`,
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^ACCEPTED credential/)
  })

  it('behavior: verify rejects an untrusted issuer with exit code 1; --json is the report', async () => {
    const run = await workspace.run(['verify', card, '--trust', `MembershipCard=${citizen}`, '--json'])
    expect(run.code).toBe(1)
    const report = jsonOf<{ ok: boolean; error: { code: string } }>(run)
    expect(report.ok).toBe(false)
    expect(report.error.code).toBe('ERR_UNTRUSTED_ISSUER')
  })

  it('error: verify --audience/--nonce refuses a credential on its own with ERR_PRESENTATION_REQUIRED unless --holder-binding optional', async () => {
    const trusted = ['--trust', `MembershipCard=${society}`]
    const gate = ['--audience', 'https://hall.example', '--nonce', 'n-lifted-1']
    for (const extra of [gate, [...gate, '--allow-bearer'], ['--holder-binding', 'required']]) {
      const run = await workspace.run(['verify', card, ...trusted, ...extra, '--json'])
      expect(run.code).toBe(1)
      expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'ERR_PRESENTATION_REQUIRED' } })
    }
    const printed = await workspace.run(['verify', card, ...trusted, ...gate, '--holder-binding', 'optional'])
    expect(printed.code).toBe(0)
    expect(printed.stdout).toMatch(/^ACCEPTED credential/)
    const typo = await workspace.run(['verify', card, ...trusted, '--holder-binding', 'maybe'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('--holder-binding')
  })

  it('error: verify without a trust policy, or without input, is a usage error (exit code 2)', async () => {
    expect((await workspace.run(['verify', card])).code).toBe(2)
    const none = await workspace.run(['verify', '--trust-any'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('--image')
  })

  it('behavior: a tampered token is rejected with ERR_SIGNATURE_INVALID', async () => {
    const [header, payload, signature] = card.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    claims.credentialSubject.role = 'chair'
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    const run = await workspace.run(['verify', forged, '--trust-any'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ERR_SIGNATURE_INVALID')
  })

  it('behavior: issue takes --claims from a file and signs dc+sd-jwt; :=json values and jwt_vc_json too', async () => {
    await writeFile(workspace.path('mari.json'), JSON.stringify(RESIDENCY))
    const sdJwt = await workspace.run([
      'issue',
      '--template',
      'residency',
      '--subject',
      citizen,
      '--issuer-key',
      society,
      '--claims',
      'mari.json',
      '--format',
      'dc+sd-jwt',
      '--json',
    ])
    expect(sdJwt.code).toBe(0)
    expect(jsonOf(sdJwt)).toMatchObject({ format: 'dc+sd-jwt', token: expect.stringMatching(/~$/) })

    const pass = await workspace.run([
      'issue',
      '--template',
      'quarantine-pass',
      '--subject',
      citizen,
      '--issuer-key',
      society,
      '--format',
      'jwt_vc_json',
      '--claim',
      'destination=Kihnu',
      '--claim',
      'clearance=cleared',
      '--claim',
      'basis:={"kind":"vaccination","product":"X","doses":2,"lastDose":"2026-01-10"}',
      '--claim',
      'window.start=2026-06-01',
      '--claim',
      'window.end=2026-06-30',
      '--claim',
      'healthAuthority=Terviseamet',
    ])
    expect(pass.code).toBe(0)
    const verified = await workspace.run([
      'verify',
      pass.stdout.trim(),
      '--trust',
      `QuarantinePass=${society}`,
    ])
    expect(verified.code).toBe(0)
  })

  it('error: claims the template schema refuses fail with ERR_SCHEMA_INVALID; a bad --claim is a usage error', async () => {
    const schema = await workspace.run([
      'issue',
      '--template',
      'membership',
      '--subject',
      citizen,
      ...MEMBERSHIP_CLAIMS,
      '--claim',
      'role=emperor',
      '--issuer-key',
      society,
      '--json',
    ])
    expect(schema.code).toBe(1)
    expect(jsonOf(schema)).toMatchObject({ error: { code: 'ERR_SCHEMA_INVALID' } })
    const usage = await workspace.run([
      'issue',
      '--template',
      'membership',
      '--subject',
      citizen,
      '--claim',
      'oops',
    ])
    expect(usage.code).toBe(2)
  })

  it('behavior: wallet receive, list and present; the presentation verifies for its audience and nonce', async () => {
    const received = await workspace.run(['wallet', 'receive', card, '--holder', citizen, '--json'])
    expect(received.code).toBe(0)
    const { id } = jsonOf<{ id: string }>(received)
    const listed = await workspace.run(['wallet', 'list', '--json'])
    expect(jsonOf<{ id: string; types: string[] }[]>(listed)).toEqual([
      expect.objectContaining({ id, types: ['VerifiableCredential', 'MembershipCard'] }),
    ])
    const text = await workspace.run(['wallet', 'list'])
    expect(text.stdout).toContain(`MembershipCard  ${id}`)

    const presented = await workspace.run([
      'wallet',
      'present',
      '--type',
      'MembershipCard',
      '--audience',
      'https://hall.example',
      '--nonce',
      'n-8f1c2e',
      '--holder',
      citizen,
    ])
    expect(presented.code).toBe(0)
    const presentation = presented.stdout.trim()
    const accepted = await workspace.run([
      'verify',
      presentation,
      '--trust',
      `MembershipCard=${society}`,
      '--audience',
      'https://hall.example',
      '--nonce',
      'n-8f1c2e',
    ])
    expect(accepted.code).toBe(0)
    expect(accepted.stdout).toContain(`holder  ${citizen}`)
    const replayed = await workspace.run([
      'verify',
      presentation,
      '--trust',
      `MembershipCard=${society}`,
      '--audience',
      'https://hall.example',
      '--nonce',
      'another',
      '--json',
    ])
    expect(replayed.code).toBe(1)
    expect(jsonOf(replayed)).toMatchObject({ error: { code: 'ERR_NONCE_MISMATCH' } })
  })

  it('error: receiving a credential issued to someone else is ERR_HOLDER_MISMATCH', async () => {
    const run = await workspace.run(['wallet', 'receive', card, '--holder', society, '--json'])
    expect(run.code).toBe(1)
    expect(jsonOf(run)).toMatchObject({ error: { code: 'ERR_HOLDER_MISMATCH' } })
  })

  it('behavior: qr png renders a presentation that qr scan reads back and verify --image accepts', async () => {
    const presented = await workspace.run([
      'wallet',
      'present',
      '--type',
      'MembershipCard',
      '--audience',
      'https://gate.example',
      '--nonce',
      'n-qr-1',
      '--holder',
      citizen,
      '--qr',
    ])
    const qrText = presented.stdout.trim()
    expect(qrText).toMatch(/^CV1:/)
    const png = await workspace.run(['qr', 'png', qrText, '--out', 'pass.png'])
    expect(png.code).toBe(0)
    expect((await readFile(workspace.path('pass.png'))).subarray(1, 4).toString()).toBe('PNG')

    const scanned = await workspace.run(['qr', 'scan', 'pass.png', '--json'])
    expect(jsonOf<{ text: string }>(scanned).text).toBe(qrText)

    const verified = await workspace.run([
      'verify',
      '--image',
      'pass.png',
      '--trust',
      `MembershipCard=${society}`,
      '--audience',
      'https://gate.example',
      '--nonce',
      'n-qr-1',
      '--json',
    ])
    expect(verified.code).toBe(0)
    expect(jsonOf(verified)).toMatchObject({ ok: true, kind: 'presentation', holder: citizen })
  })

  it('behavior: qr show prints a terminal QR code of the token compacted to CV1: text', async () => {
    const run = await workspace.run(['qr', 'show', card, '--json'])
    expect(run.code).toBe(0)
    const { text, terminal } = jsonOf<{ text: string; terminal: string }>(run)
    expect(decodeQr(text)).toBe(card)
    expect(terminal).toMatch(/[▀▄█]/)
    const plain = await workspace.run(['qr', 'show', card])
    expect(plain.stdout).toBe(terminal.endsWith('\n') ? terminal : `${terminal}\n`)
  })
})
