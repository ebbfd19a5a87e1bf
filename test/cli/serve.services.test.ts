import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPostgresConnectionString } from '../support/postgres.js'
import { createWorkspace, jsonOf, MEMBERSHIP_CLAIMS } from './civitas.js'

const workspace = await createWorkspace()
const databaseUrl = await findPostgresConnectionString()
// Tables of this run only, dropped afterwards: runs in parallel never share a registry.
const tablePrefix = `cli_${Math.random().toString(36).slice(2, 8)}_`
const registry = ['--database-url', databaseUrl, '--table-prefix', tablePrefix]

let issuer: string
let holder: string

beforeAll(async () => {
  issuer = await workspace.createDid('key')
  holder = await workspace.createDid('key', '--alg', 'ES256')
})

afterAll(async () => {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  const { rows } = await admin.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1',
    [`${tablePrefix}%`],
  )
  for (const { tablename } of rows) await admin.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`)
  await admin.end()
  await workspace.cleanup()
})

const membership = (subject: string) => [
  'issue',
  '--template',
  'membership',
  '--subject',
  subject,
  ...MEMBERSHIP_CLAIMS,
]

describe('civitas serve and status (child processes, loopback HTTP, PostgreSQL)', {
  timeout: 180_000,
}, () => {
  it('behavior: serve issuer publishes status lists; status revoke, suspend and reinstate change what verify says', async () => {
    const server = workspace.start(['serve', 'issuer', '--issuer-key', issuer, ...registry, '--json'])
    try {
      const listening = JSON.parse(await server.next())
      expect(listening).toMatchObject({ event: 'listening', did: issuer })
      expect(listening.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const statusUrl: string = listening.statusLists

      const issued = await workspace.run([
        ...membership(holder),
        '--issuer-key',
        issuer,
        ...registry,
        '--status-url',
        statusUrl,
        '--suspendable',
        '--json',
      ])
      expect(issued.code).toBe(0)
      const { token, id } = jsonOf<{ token: string; id: string }>(issued)
      const verify = ['verify', token, '--trust', `MembershipCard=${issuer}`, '--allow-http-status', '--json']

      expect((await workspace.run(verify)).code).toBe(0)
      expect((await fetch(`${statusUrl}/no-such-list`)).status).toBe(404)

      const suspended = await workspace.run([
        'status',
        'suspend',
        '--credential-id',
        id,
        ...registry,
        '--json',
      ])
      expect(suspended.code).toBe(0)
      expect(jsonOf(suspended)).toMatchObject({
        credentialId: id,
        previous: 0,
        value: 1,
        actor: 'civitas-cli',
      })
      const whileSuspended = await workspace.run(verify)
      expect(whileSuspended.code).toBe(1)
      expect(jsonOf(whileSuspended)).toMatchObject({ error: { code: 'ERR_CREDENTIAL_SUSPENDED' } })

      const reinstated = await workspace.run(['status', 'reinstate', '--credential-id', id, ...registry])
      expect(reinstated.code).toBe(0)
      expect(reinstated.stdout).toContain(`reinstated ${id}`)
      expect((await workspace.run(verify)).code).toBe(0)

      const revoked = await workspace.run([
        'status',
        'revoke',
        '--credential-id',
        id,
        ...registry,
        '--actor',
        'clerk@city.example',
        '--reason',
        'moved away',
      ])
      expect(revoked.code).toBe(0)
      expect(revoked.stdout).toMatch(/revoked urn:uuid:.* 0 → 1/)
      const afterRevocation = await workspace.run(verify)
      expect(afterRevocation.code).toBe(1)
      expect(jsonOf(afterRevocation)).toMatchObject({ error: { code: 'ERR_CREDENTIAL_REVOKED' } })
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })

  it('error: status revoke of an unknown credential is ERR_STATUS_ENTRY_NOT_FOUND; without a database a usage error', async () => {
    const unknown = await workspace.run([
      'status',
      'revoke',
      '--credential-id',
      'urn:uuid:nobody',
      ...registry,
      '--json',
    ])
    expect(unknown.code).toBe(1)
    expect(jsonOf(unknown)).toMatchObject({ error: { code: 'ERR_STATUS_ENTRY_NOT_FOUND' } })
    const missing = await workspace.run(['status', 'revoke', '--credential-id', 'urn:uuid:nobody'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--database-url')
  })

  it('behavior: serve issuer serves the did.json of a did:web identity over loopback HTTP until killed', async () => {
    const web = jsonOf<{ did: string }>(
      await workspace.run([
        'did',
        'create',
        'web',
        '--domain',
        'city.example',
        '--path',
        'offices/tartu',
        '--json',
      ]),
    )
    const server = workspace.start(['serve', 'issuer', '--issuer-key', web.did, '--json'])
    try {
      const listening = JSON.parse(await server.next())
      expect(listening.didDocument).toBe(`${listening.origin}/offices/tartu/did.json`)
      const response = await fetch(listening.didDocument)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('application/did+json')
      expect(await response.json()).toMatchObject({ id: 'did:web:city.example:offices:tartu' })
      expect((await fetch(`${listening.origin}/.well-known/did.json`)).status).toBe(404)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })

  it('behavior: serve verifier shows a sign-in QR code that wallet present --request answers with the newest card', async () => {
    const ids: string[] = []
    for (const _card of ['older', 'newer']) {
      const card = await workspace.run([...membership(holder), '--issuer-key', issuer])
      const received = await workspace.run([
        'wallet',
        'receive',
        card.stdout.trim(),
        '--holder',
        holder,
        '--json',
      ])
      ids.push(jsonOf<{ id: string }>(received).id)
    }

    const server = workspace.start([
      'serve',
      'verifier',
      '--type',
      'MembershipCard',
      '--trust',
      `MembershipCard=${issuer}`,
      '--once',
      '--json',
    ])
    const started = JSON.parse(await server.next())
    expect(started).toMatchObject({
      event: 'sign-in',
      qr: expect.stringMatching(/^openid4vp:\/\/\?client_id=/),
    })

    const answered = await workspace.run([
      'wallet',
      'present',
      '--request',
      started.qr,
      '--yes',
      '--allow-loopback-http',
      '--holder',
      holder,
      '--json',
    ])
    expect(answered.code).toBe(0)
    // The newest matching card is shared.
    expect(jsonOf(answered)).toMatchObject({ declined: false, shared: { credential: [ids[1]] } })

    const complete = JSON.parse(await server.next())
    expect(complete).toMatchObject({
      event: 'complete',
      did: holder,
      claims: { community: 'Supilinn Neighbourhood Society', role: 'member' },
    })
    expect(await server.exited).toBe(0)
  })

  it('error: answering a sign-in request without --yes and without a terminal is a usage error', async () => {
    const run = await workspace.run([
      'wallet',
      'present',
      '--request',
      'openid4vp://?client_id=x',
      '--holder',
      holder,
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--yes')
  })
})
