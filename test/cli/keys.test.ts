import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkspace, jsonOf } from './civitas.js'

const PASSPHRASE = 'correct horse battery staple'
const workspace = await createWorkspace(PASSPHRASE)
afterAll(() => workspace.cleanup())

describe('civitas keys and did (child processes)', { timeout: 120_000 }, () => {
  it('behavior: keys create makes an encrypted store; list and export show public keys only', async () => {
    const created = await workspace.run(['keys', 'create', '--alg', 'ES256', '--id', 'city-seal'])
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('created ES256 key city-seal')
    const stored = await readFile(workspace.path('.civitas/keys'))
    expect(stored.toString('latin1')).not.toContain('"d"')
    expect(stored.toString('latin1')).not.toContain('city-seal')

    const listed = await workspace.run(['keys', 'list', '--json'])
    expect(listed.code).toBe(0)
    expect(jsonOf<{ id: string; alg: string }[]>(listed)).toEqual([
      expect.objectContaining({ id: 'city-seal', alg: 'ES256' }),
    ])

    const exported = await workspace.run(['keys', 'export', 'city-seal', '--json'])
    const { publicJwk } = jsonOf<{ publicJwk: Record<string, string> }>(exported)
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' })
    expect(publicJwk).not.toHaveProperty('d')
  })

  it('error: a wrong passphrase fails with ERR_KEY_STORE_PASSPHRASE, exit code 1 and a hint', async () => {
    const wrong = await workspace.run(['keys', 'list'], { env: { CIVITAS_PASSPHRASE: 'not the passphrase' } })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('ERR_KEY_STORE_PASSPHRASE')
    expect(wrong.stderr).toContain('hint: The passphrase does not open this key store')
    const json = await workspace.run(['keys', 'list', '--json'], { env: { CIVITAS_PASSPHRASE: 'nope' } })
    expect(json.code).toBe(1)
    expect(jsonOf(json)).toMatchObject({ ok: false, error: { code: 'ERR_KEY_STORE_PASSPHRASE' } })
  })

  it('error: no passphrase and no terminal to ask on is a usage error (exit code 2)', async () => {
    const run = await workspace.run(['keys', 'list'], { env: { CIVITAS_PASSPHRASE: undefined } })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('set CIVITAS_PASSPHRASE')
  })

  it.skipIf(!existsSync('/usr/bin/script'))(
    'behavior: on a terminal the passphrase is asked with hidden input, never echoed',
    async () => {
      const run = await workspace.onTerminal(['keys', 'list'], 'Passphrase for the key store', PASSPHRASE, {
        CIVITAS_PASSPHRASE: undefined,
      })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('city-seal')
      expect(run.stdout).not.toContain(PASSPHRASE)
    },
  )

  it('error: exporting an unknown key is ERR_KEY_NOT_FOUND', async () => {
    const run = await workspace.run(['keys', 'export', 'nobody', '--json'])
    expect(run.code).toBe(1)
    expect(jsonOf(run)).toMatchObject({ error: { code: 'ERR_KEY_NOT_FOUND' } })
  })

  it('behavior: did create key, jwk, web and ethr record identities that did list shows', async () => {
    const key = jsonOf<{ did: string; kid: string }>(
      await workspace.run(['did', 'create', 'key', '--key', 'city-seal', '--json']),
    )
    expect(key.did).toMatch(/^did:key:zDn/)
    expect(key.kid).toBe(`${key.did}#${key.did.slice('did:key:'.length)}`)

    const jwk = jsonOf<{ did: string }>(
      await workspace.run(['did', 'create', 'jwk', '--alg', 'EdDSA', '--json']),
    )
    expect(jwk.did).toMatch(/^did:jwk:/)

    const web = await workspace.run(['did', 'create', 'web', '--domain', 'city.example', '--out', 'did.json'])
    expect(web.code).toBe(0)
    const document = JSON.parse(await readFile(workspace.path('did.json'), 'utf8'))
    expect(document.id).toBe('did:web:city.example')
    expect(document.assertionMethod).toHaveLength(1)
    expect(web.stdout).toContain('did:web:city.example#')

    const ethr = await workspace.run([
      'did',
      'create',
      'ethr',
      '--chain-id',
      '11155111',
      '--network',
      'sepolia',
      '--rpc-url',
      'https://rpc.sepolia.example',
      '--registry',
      '0x03d5003bf0e79c5f5223588f347eba39afbc3818',
      '--json',
    ])
    expect(ethr.code).toBe(0)
    expect(jsonOf<{ did: string; kid: string }>(ethr)).toMatchObject({
      did: expect.stringMatching(/^did:ethr:sepolia:0x[0-9a-f]{40}$/),
      kid: expect.stringMatching(/#controller$/),
    })

    // Offline, from the same key: the same address, named for another chain.
    const online = jsonOf<{ did: string; keyId: string }>(ethr)
    const offline = await workspace.run([
      'did',
      'create',
      'ethr',
      '--chain-id',
      '1337',
      '--key',
      online.keyId,
      '--json',
    ])
    expect(offline.code).toBe(0)
    expect(jsonOf<{ did: string }>(offline).did).toBe(`did:ethr:0x539:${online.did.split(':').at(-1)}`)

    const listed = jsonOf<{ did: string }[]>(await workspace.run(['did', 'list', '--json']))
    expect(listed.map((identity) => identity.did.split(':')[1])).toEqual([
      'key',
      'jwk',
      'web',
      'ethr',
      'ethr',
    ])
  })

  it('error: did create ethr with --rpc-url but no --registry is a usage error', async () => {
    const run = await workspace.run([
      'did',
      'create',
      'ethr',
      '--chain-id',
      '1',
      '--rpc-url',
      'https://rpc.example',
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--rpc-url and --registry go together')
  })

  it('error: did create ethr with a malformed registry address is a usage error', async () => {
    const run = await workspace.run([
      'did',
      'create',
      'ethr',
      '--chain-id',
      '1',
      '--rpc-url',
      'https://rpc.example',
      '--registry',
      '0x1234',
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('registry')
  })
})
