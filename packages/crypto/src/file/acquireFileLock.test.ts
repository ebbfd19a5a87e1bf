import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { type SourceScriptProcess, spawnSourceScript } from '@civitas/test-utils'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { afterAll, describe, expect, it } from 'vitest'
import { acquireFileLock } from './acquireFileLock.js'

const root = await mkdtemp(join(tmpdir(), 'civitas-file-lock-'))
afterAll(() => rm(root, { recursive: true, force: true }))

const codes = { lockedCode: 'ERR_KEY_STORE_LOCKED', ioCode: 'ERR_KEY_STORE_IO' } as const
const lockAt = (path: string) => acquireFileLock({ path, ...codes })
const freshLock = async () => join(await mkdtemp(join(root, 'case-')), 'store.lock')

/** A pid whose process has exited. */
async function deadPid(): Promise<number | undefined> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(child, 'exit')
  return child.pid
}

/** A lock owner record of a dead process (with a start time no live process has, against pid reuse). */
const deadOwner = (pid: number | undefined, token: string) =>
  JSON.stringify({ pid, host: hostname(), start: '0', token })

// A child process taking the lock from the TypeScript source. Commands on stdin, one per line:
// `take` answers `won` or `lost <code>`; `verify` (when won) answers `verified <code or ok>` and
// releases; `loop` takes and releases the lock forever, printing `.` each time it holds it.
const CHILD = `
const { acquireFileLock } = await import(process.env.LOCK_MODULE)
const take = () => acquireFileLock({ path: process.env.LOCK_PATH, lockedCode: 'ERR_KEY_STORE_LOCKED', ioCode: 'ERR_KEY_STORE_IO' })
let held
for await (const line of (await import('node:readline')).createInterface({ input: process.stdin })) {
  if (line === 'take') {
    try { held = await take(); console.log('won') } catch (error) { held = undefined; console.log('lost ' + error.code) }
  } else if (line === 'verify') {
    try { await held.verify(); await held.release(); console.log('verified ok') } catch (error) { console.log('verified ' + error.code) }
  } else if (line === 'loop') {
    for (;;) { const lock = await take(); process.stdout.write('.'); await lock.release() }
  }
}
`

interface Child {
  process: SourceScriptProcess
  ask(command: string): Promise<string>
}

function startChild(lockPath: string): Child {
  const child = spawnSourceScript({
    script: CHILD,
    env: { LOCK_PATH: lockPath, LOCK_MODULE: new URL('./acquireFileLock.ts', import.meta.url).href },
  })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  return {
    process: child,
    async ask(command) {
      child.stdin.write(`${command}\n`)
      const { value, done } = await lines.next()
      if (done) throw new Error('the child exited')
      return value
    },
  }
}

async function stop(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) {
    child.process.kill('SIGKILL')
    await once(child.process, 'exit')
  }
}

describe('acquireFileLock', () => {
  it('behavior: several processes racing for a stale lock: exactly one takes it and keeps it, every round', async () => {
    const path = await freshLock()
    const racers = Array.from({ length: 4 }, () => startChild(path))
    const pid = await deadPid()
    try {
      for (let round = 0; round < 50; round += 1) {
        await writeFile(path, deadOwner(pid, `stale-${round}`))
        const answers = await Promise.all(racers.map((racer) => racer.ask('take')))
        expect(
          answers.filter((answer) => answer === 'won'),
          `round ${round}: ${answers}`,
        ).toHaveLength(1)
        expect(answers.filter((answer) => answer !== 'won')).toEqual(
          Array(3).fill('lost ERR_KEY_STORE_LOCKED'),
        )
        // The winner's lock survived the losers: it is still the lock file, and it releases it.
        expect(await racers[answers.indexOf('won')]?.ask('verify')).toBe('verified ok')
        expect(await readdir(join(path, '..'))).toEqual([])
      }
    } finally {
      await Promise.all(racers.map(stop))
    }
  }, 180_000)

  it('behavior: a process killed (SIGKILL) at any moment of taking or releasing never blocks the next opener', async () => {
    const path = await freshLock()
    for (let run = 0; run < 8; run += 1) {
      const child = startChild(path)
      try {
        child.process.stdin.write('loop\n')
        await once(child.process.stdout, 'data')
        await sleep(Math.random() * 30)
      } finally {
        await stop(child)
      }
      const started = performance.now()
      const lock = await lockAt(path)
      expect(performance.now() - started).toBeLessThan(1_000)
      await lock.verify()
      await lock.release()
      expect(await readdir(join(path, '..'))).toEqual([])
    }
  }, 120_000)

  it('behavior: a takeover claim left by a killed taker is itself taken over', async () => {
    const path = await freshLock()
    const pid = await deadPid()
    const stale = deadOwner(pid, 'stale')
    await writeFile(path, stale)
    const claim = `${path}.takeover-${bytesToHex(sha256(utf8ToBytes(stale))).slice(0, 32)}`
    await writeFile(claim, deadOwner(pid, 'killed taker'))
    const lock = await lockAt(path)
    expect(await readdir(join(path, '..'))).toEqual(['store.lock'])
    await lock.release()
  })

  it('error: a second taker in this process is refused while the first holds the lock', async () => {
    const path = await freshLock()
    const results = await Promise.allSettled([lockAt(path), lockAt(path), lockAt(path)])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ code: 'ERR_KEY_STORE_LOCKED', details: { pid: process.pid } })
    }
  })

  it('behavior: a lock that is not an owner record (left half-written by an older release) is stale after a second', async () => {
    const path = await freshLock()
    await writeFile(path, '{"pid":')
    await expect(lockAt(path)).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_LOCKED',
      details: { reason: 'unreadable lock' },
    })
    const secondsAgo = new Date(Date.now() - 2_000)
    await utimes(path, secondsAgo, secondsAgo)
    await (await lockAt(path)).release()
  })

  it('error: file-system failures are the I/O code, never "locked"', async () => {
    const missing = join(root, 'no-such-directory', 'store.lock')
    await expect(lockAt(missing)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
    const notAFile = await freshLock()
    await mkdir(notAFile)
    await expect(lockAt(notAFile)).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
  })

  it('error: verify is the I/O code while the directory is gone, passes once it is back, and is "locked" once the lock is removed', async () => {
    const path = await freshLock()
    const directory = join(path, '..')
    const lock = await lockAt(path)
    await rename(directory, `${directory}-away`)
    await expect(lock.verify()).rejects.toMatchObject({ code: 'ERR_KEY_STORE_IO' })
    await rename(`${directory}-away`, directory)
    await lock.verify()
    await rm(path)
    await expect(lock.verify()).rejects.toMatchObject({
      code: 'ERR_KEY_STORE_LOCKED',
      details: { reason: 'lost' },
    })
  })
})
