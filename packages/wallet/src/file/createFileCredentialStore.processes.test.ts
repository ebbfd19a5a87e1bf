import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSourceScript } from '@civitas/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { createFileCredentialStore } from './createFileCredentialStore.js'

const root = await mkdtemp(join(tmpdir(), 'civitas-wallet-processes-'))
afterAll(() => rm(root, { recursive: true, force: true }))

// A child process running the store from the TypeScript source: it opens the wallet file and puts
// COUNT records named after NAME, printing `ack <id>` once each put resolved, then `done`; or
// `refused <code>` if the store does not open.
const CHILD = `
const { createFileCredentialStore } = await import(process.env.STORE_MODULE)
let store
try { store = await createFileCredentialStore({ path: process.env.WALLET_PATH }) }
catch (error) { console.log('refused ' + error.code); process.exit(0) }
for (let i = 0; i < Number(process.env.COUNT); i += 1) {
  const id = 'urn:' + process.env.NAME + ':' + i
  await store.put({ id, token: 'eyJhbGciOiJFZERTQSJ9.' + i + '.c2ln', format: 'vc+jwt', types: ['VerifiableCredential'], issuer: 'did:example:city', receivedAt: i })
  console.log('ack ' + id)
}
await store.close()
console.log('done')
`

interface Run {
  acked: string[]
  refused?: string
}

/** Runs the child; with `killAfter`, SIGKILLs it once that many puts were acknowledged. */
function runChild(path: string, name: string, count: number, killAfter?: number): Promise<Run> {
  const child = spawnSourceScript({
    script: CHILD,
    env: {
      WALLET_PATH: path,
      NAME: name,
      COUNT: String(count),
      STORE_MODULE: new URL('./createFileCredentialStore.ts', import.meta.url).href,
    },
  })
  child.stdin.end()
  const run: Run = { acked: [] }
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('ack ')) run.acked.push(line.slice(4))
      if (line.startsWith('refused ')) run.refused = line.slice(8)
    }
    if (killAfter !== undefined && run.acked.length >= killAfter) child.kill('SIGKILL')
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(run)
      else reject(new Error(`child exited with ${String(code)}`))
    })
  })
}

async function storedIds(path: string): Promise<string[]> {
  const store = await createFileCredentialStore({ path })
  try {
    return (await store.list()).map((record) => record.id)
  } finally {
    await store.close()
  }
}

describe('createFileCredentialStore across processes', () => {
  it('behavior: two processes on one wallet file: the second is refused with ERR_CREDENTIAL_STORE_LOCKED, and no acknowledged credential is lost', async () => {
    const path = join(await mkdtemp(join(root, 'two-')), 'wallet.json')
    const runs = await Promise.all([runChild(path, 'a', 100), runChild(path, 'b', 100)])
    for (const run of runs)
      if (run.refused !== undefined) expect(run.refused).toBe('ERR_CREDENTIAL_STORE_LOCKED')
    const acked = runs.flatMap((run) => run.acked)
    expect(acked.length).toBeGreaterThanOrEqual(100)
    expect((await storedIds(path)).sort()).toEqual(acked.sort())
  }, 60_000)

  it('behavior: a writer killed (SIGKILL) mid-write loses no acknowledged credential, and its lock is taken over', async () => {
    const path = join(await mkdtemp(join(root, 'killed-')), 'wallet.json')
    const acked: string[] = []
    for (let run = 0; run < 3; run += 1) {
      const { acked: these } = await runChild(path, `run${run}`, 1_000, 5 + Math.floor(Math.random() * 40))
      acked.push(...these)
      const stored = await storedIds(path)
      // Every acknowledged put is there; at most the one in flight at the kill was written unacknowledged.
      expect(stored.filter((id) => !acked.includes(id)).length).toBeLessThanOrEqual(run + 1)
      expect(acked.filter((id) => !stored.includes(id))).toEqual([])
    }
    expect(await readdir(join(path, '..'))).toEqual(['wallet.json'])
  }, 60_000)
})
