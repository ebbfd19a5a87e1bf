import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from './runCli.js'

/** Runs the CLI in-process with captured output. */
async function capture(argv: string[], env: Record<string, string> = { NO_COLOR: '1' }, tty = false) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty })
  const stderr = Object.assign(new PassThrough(), { isTTY: false })
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const { exitCode } = await runCli({ argv, env, stdin: new PassThrough(), stdout, stderr })
  return { exitCode, out, err }
}

const COMMANDS = [
  [],
  ['keys'],
  ['keys', 'create'],
  ['keys', 'list'],
  ['keys', 'export'],
  ['did'],
  ['did', 'create'],
  ['did', 'create', 'key'],
  ['did', 'create', 'jwk'],
  ['did', 'create', 'web'],
  ['did', 'create', 'ethr'],
  ['did', 'list'],
  ['issue'],
  ['wallet'],
  ['wallet', 'receive'],
  ['wallet', 'list'],
  ['wallet', 'present'],
  ['verify'],
  ['qr'],
  ['qr', 'show'],
  ['qr', 'png'],
  ['qr', 'scan'],
  ['status'],
  ['status', 'revoke'],
  ['status', 'suspend'],
  ['status', 'reinstate'],
  ['serve'],
  ['serve', 'issuer'],
  ['serve', 'verifier'],
  ['demo'],
]

describe('runCli', () => {
  it.each(COMMANDS.map((path) => [path.join(' ') || '(root)', path]))(
    'behavior: `civitas %s --help` exits 0 and shows an example',
    async (_name, path) => {
      const { exitCode, out } = await capture([...(path as string[]), '--help'])
      expect(exitCode).toBe(0)
      expect(out).toContain('Examples:')
      expect(out).toContain(`$ civitas ${(path as string[])[0] ?? ''}`)
    },
  )

  it('behavior: the root help lists every top-level command', async () => {
    const { out } = await capture(['--help'])
    const listed = [...out.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1])
    expect(listed).toEqual(
      expect.arrayContaining(['keys', 'did', 'issue', 'wallet', 'verify', 'qr', 'status', 'serve', 'demo']),
    )
  })

  it('error: an unknown command, an unknown option or a missing argument is a usage error (exit code 2)', async () => {
    expect((await capture(['fly'])).exitCode).toBe(2)
    expect((await capture(['verify', '--bogus'])).exitCode).toBe(2)
    const missing = await capture(['issue', '--subject', 'did:key:z6Mk'])
    expect(missing.exitCode).toBe(2)
    expect(missing.err).toContain('--template')
  })

  it('behavior: colour only on a terminal, never with NO_COLOR or --no-color', async () => {
    const token = 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.'
    const colored = await capture(['verify', token, '--trust-any'], {}, true)
    expect(colored.exitCode).toBe(1)
    expect(colored.out).toContain('\u001b[31m')
    expect((await capture(['verify', token, '--trust-any'], { NO_COLOR: '1' }, true)).out).not.toContain(
      '\u001b[',
    )
    expect((await capture(['verify', token, '--trust-any', '--no-color'], {}, true)).out).not.toContain(
      '\u001b[',
    )
    expect((await capture(['verify', token, '--trust-any'], {}, false)).out).not.toContain('\u001b[')
  })

  it('behavior: --json errors are one parseable document with the code and a hint', async () => {
    const { exitCode, out } = await capture(['verify', 'not a token', '--trust-any', '--json'])
    expect(exitCode).toBe(1)
    expect(JSON.parse(out)).toMatchObject({
      ok: false,
      error: { code: 'ERR_QR_PREFIX', hint: expect.stringContaining('--image') },
    })
  })

  it('behavior: verify of a token with alg none reports ERR_ALGORITHM_UNSUPPORTED and exits 1', async () => {
    const { exitCode, out } = await capture([
      'verify',
      'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.',
      '--trust-any',
      '--json',
    ])
    expect(exitCode).toBe(1)
    expect(JSON.parse(out).error.code).toMatch(/^ERR_/)
  })
})
