import { readFileSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dropTables, findPostgresConnectionString } from '../support/postgres.js'
import { createWorkspace, jsonOf } from './civitas.js'

// A tour of what goes wrong for a new user, each failure asserted on the reason it shows (its code,
// the specific cause, the flag that helps), so that a slide back to an opaque message fails here.
const workspace = await createWorkspace()
const databaseUrl = await findPostgresConnectionString()
const tablePrefix = `cli_fail_${Math.random().toString(36).slice(2, 8)}_`

let city: string
let mari: string
/** A membership card for Mari whose revocation entry sits on a plain-http status list. */
let httpStatusCard: string

/** `civitas issue` of a membership card by the city, with `extra` arguments. */
const issueMembership = (subject: string, ...extra: string[]) => [
  'issue',
  '--template',
  'membership',
  '--subject',
  subject,
  '--issuer-key',
  city,
  ...membershipClaims,
  ...extra,
]
/** `civitas wallet present` of Mari's newest card of `type`. */
const presentAs = (type: string, nonce: string) => [
  'wallet',
  'present',
  '--type',
  type,
  '--audience',
  'https://hall.example',
  '--nonce',
  nonce,
  '--holder',
  mari,
]

const membershipClaims = [
  '--claim',
  'community=Supilinn',
  '--claim',
  'role=member',
  '--claim',
  'memberSince=2024-03-01',
]

beforeAll(async () => {
  city = await workspace.createDid('key')
  mari = await workspace.createDid('key', '--alg', 'ES256')
  const keyStore = createMemoryKeyStore()
  const issuer = await createDidKey({ keyStore, alg: 'EdDSA' })
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry(),
    issuer,
    baseUrl: 'http://127.0.0.1:9/status',
  })
  httpStatusCard = (
    await issueCredential({
      issuer,
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential', 'MembershipCard'],
        credentialSubject: { id: mari, community: 'Supilinn', role: 'member', memberSince: '2024-03-01' },
      },
      status,
    })
  ).token
})

afterAll(async () => {
  await dropTables(databaseUrl, tablePrefix)
  await workspace.cleanup()
})

describe('civitas failure tour: every failure names its code, its reason and what to do', {
  timeout: 120_000,
}, () => {
  it('behavior: the command is linked from a committed file, and the root package does not shadow it', () => {
    const root = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }
    const cli = JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as {
      bin: Record<string, string>
      files: string[]
    }
    expect(root.name).not.toBe('civitas')
    const bin = cli.bin.civitas ?? ''
    expect(bin).not.toMatch(/dist\//)
    expect(statSync(`packages/cli/${bin}`).mode & 0o111).not.toBe(0)
    expect(cli.files).toContain(bin.replace(/^\.\//, '').split('/')[0])
  })

  it('behavior: --version prints the package version', async () => {
    const run = await workspace.run(['--version'])
    expect(run.code).toBe(0)
    const { version } = JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as { version: string }
    expect(run.stdout.trim()).toBe(version)
  })

  it('error: a template missing claims names every fault with its JSON path and flag; --json carries them', async () => {
    const run = await workspace.run([
      'issue',
      '--template',
      'residency',
      '--subject',
      mari,
      '--issuer-key',
      city,
      '--claim',
      'givenName=Mari',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('ERR_SCHEMA_INVALID')
    for (const claim of [
      'familyName',
      'birthDate',
      'nationality',
      'residencyStatus',
      'address',
      'documentNumber',
    ])
      expect(run.stderr).toContain(`--claim ${claim} (/credentialSubject/${claim}): missing`)
    expect(run.stderr).toContain('civitas issue --help')

    const json = await workspace.run(issueMembership('mari', '--json'))
    expect(jsonOf<{ error: unknown }>(json).error).toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
      details: { faults: ['--subject (/credentialSubject/id): "mari" is not a DID'] },
      hint: expect.stringContaining('--claim'),
    })
  })

  it("behavior: issue --help lists each template's claims, required or optional, with their types", async () => {
    const run = await workspace.run(['issue', '--help'])
    expect(run.stdout).toMatch(/residency \(ResidencyCard/)
    expect(run.stdout).toMatch(/address\.postalCode\s+required, text/)
    expect(run.stdout).toMatch(/role\s+required, one of member\|board\|chair\|observer/)
    expect(run.stdout).toMatch(/basis\.doses\s+required, a whole number/)
  })

  it('error: a status list on plain http names the URL and the flag --allow-http-status, in text and JSON', async () => {
    const run = await workspace.run(['verify', httpStatusCard, '--trust-any'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ERR_STATUS_LIST_INVALID')
    expect(run.stdout).toMatch(/reason {2}status list http:\/\/127\.0\.0\.1:9\/status\/.*--allow-http-status/)
    expect(run.stdout).not.toContain('allowHttp')
    const json = jsonOf<{ error: { message: string; details: Record<string, string> } }>(
      await workspace.run(['verify', httpStatusCard, '--trust-any', '--json']),
    )
    expect(json.error.message).toContain('--allow-http-status')
    expect(json.error.details.statusListCredential).toMatch(/^http:\/\/127\.0\.0\.1:9\/status\//)
  })

  it('error: a sign-in refused by the relying party: the wallet and `serve verifier --once` both say why; the verifier exits 1', async () => {
    const received = await workspace.run(['wallet', 'receive', httpStatusCard, '--holder', mari])
    expect(received.code).toBe(0)
    const server = workspace.start(['serve', 'verifier', '--type', 'MembershipCard', '--trust-any', '--once'])
    let qr = ''
    for (;;) {
      const line = await server.next()
      const found = /--request '([^']+)'/.exec(line)
      if (found) {
        qr = found[1] as string
        expect(line).toContain('--holder')
        expect(line).toContain('--yes')
        break
      }
    }
    const answered = await workspace.run([
      'wallet',
      'present',
      '--request',
      qr,
      '--yes',
      '--allow-loopback-http',
      '--holder',
      mari,
    ])
    expect(answered.code).toBe(1)
    expect(answered.stderr).toMatch(
      /refused the response \(HTTP 400\): status list http:\/\/127\.0\.0\.1:9\//,
    )
    expect(answered.stderr).toContain('refusedWith: ERR_STATUS_LIST_INVALID')
    expect(await server.exited).toBe(1)
    expect(server.stderr()).toMatch(/refused POST \/sign-in\/response: HTTP 400 ERR_STATUS_LIST_INVALID/)
  })

  it('error: serve issuer with an unreachable database refuses to start, naming --database-url and the cause', async () => {
    const server = workspace.start([
      'serve',
      'issuer',
      '--issuer-key',
      city,
      '--database-url',
      'postgres://nobody@127.0.0.1:1/none',
    ])
    expect(await server.exited).toBe(1)
    expect(server.stderr()).toContain('ERR_STORE_UNAVAILABLE')
    expect(server.stderr()).toContain('--database-url postgres://nobody@127.0.0.1:1/none cannot be reached')
    expect(server.stderr()).toContain('ECONNREFUSED')
  })

  it('error: a wallet holding no matching credential is ERR_CREDENTIAL_NOT_FOUND, not a storage failure', async () => {
    const run = await workspace.run(presentAs('ResidencyCard', 'n-1'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('the wallet holds no valid ResidencyCard (ERR_CREDENTIAL_NOT_FOUND)')
    expect(run.stderr).not.toContain('backup')
  })

  it('error: a presentation checked without --audience is ERR_AUDIENCE_REQUIRED, naming the audience and the flags', async () => {
    const card = await workspace.run(issueMembership(mari))
    await workspace.run(['wallet', 'receive', card.stdout.trim(), '--holder', mari])
    const presented = await workspace.run(presentAs('MembershipCard', 'n-42'))
    await writeFile(workspace.path('presentation.jwt'), presented.stdout)
    // A file path is read as the token it holds.
    const run = await workspace.run(['verify', 'presentation.jwt', '--trust', `MembershipCard=${city}`])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('REJECTED presentation: ERR_AUDIENCE_REQUIRED')
    expect(run.stdout).toContain('addressed to https://hall.example')
    expect(run.stdout).toContain('--audience')
    expect(run.stdout).not.toContain('another verifier')
    const right = await workspace.run([
      'verify',
      'presentation.jwt',
      '--trust',
      `MembershipCard=${city}`,
      '--audience',
      'https://hall.example',
      '--nonce',
      'n-42',
    ])
    expect(right.code).toBe(0)
  })

  it('error: status reinstate on a revoked card refuses with ERR_CREDENTIAL_REVOKED; it stays revoked', async () => {
    const registry = ['--database-url', databaseUrl, '--table-prefix', tablePrefix]
    const issued = await workspace.run(
      issueMembership(
        mari,
        ...registry,
        '--status-url',
        'https://city.example/status',
        '--suspendable',
        '--json',
      ),
    )
    const { id } = jsonOf<{ id: string }>(issued)
    expect((await workspace.run(['status', 'revoke', '--credential-id', id, ...registry])).code).toBe(0)
    const reinstated = await workspace.run(['status', 'reinstate', '--credential-id', id, ...registry])
    expect(reinstated.code).toBe(1)
    expect(reinstated.stderr).toMatch(/is revoked, and revocation is final: .* \(ERR_CREDENTIAL_REVOKED\)/)
    expect(reinstated.stdout).not.toContain('reinstated')
    const check = createPostgresStatusRegistry({ connectionString: databaseUrl, tablePrefix })
    try {
      expect(await check.getStatus({ credentialId: id, purpose: 'revocation' })).toBe(1)
    } finally {
      await check.close()
    }
  })

  it('error: the smaller ones each name their cause and the flag to change', async () => {
    await writeFile(workspace.path('bad.json'), '{"community":')
    const badJson = await workspace.run([
      'issue',
      '--template',
      'membership',
      '--subject',
      mari,
      '--issuer-key',
      city,
      '--claims',
      'bad.json',
    ])
    expect(badJson.stderr).toContain('bad.json: unexpected end of input')
    expect(badJson.stderr).not.toMatch(/token|Scan again/i)

    const notUrl = await workspace.run([
      'status',
      'revoke',
      '--credential-id',
      'x',
      '--database-url',
      'notaurl',
    ])
    expect(notUrl.code).toBe(2)
    expect(notUrl.stderr).toContain('--database-url notaurl: expected a PostgreSQL URL')

    const badDomain = await workspace.run(['did', 'create', 'web', '--domain', 'bad domain'])
    expect(badDomain.code).toBe(1)
    expect(badDomain.stderr).toContain('ERR_DID_INVALID')
    expect(badDomain.stderr).not.toContain("signer's identifier")

    const unnamed = await workspace.run([
      'issue',
      '--template',
      'membership',
      '--subject',
      mari,
      ...membershipClaims,
    ])
    expect(unnamed.code).toBe(2)
    expect(unnamed.stderr).toMatch(/2 identities .*name one with --issuer-key/)

    await writeFile(workspace.path('broken-wallet.json'), 'garbage')
    const corrupt = await workspace.run(['--wallet', 'broken-wallet.json', 'wallet', 'list'])
    expect(corrupt.code).toBe(1)
    expect(corrupt.stderr).toContain('ERR_CREDENTIAL_STORE')
    expect(corrupt.stderr).toContain('--wallet')
    expect(corrupt.stderr).not.toContain('civitas wallet list')
  })
})
