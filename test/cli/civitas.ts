import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The civitas binary from TypeScript source, as a real child process: node with tsx and the
// `civitas-source` condition, the way the repository's other child-process tests run.
const BIN = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url))
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const NODE_ARGS = ['--conditions=civitas-source', '--import', TSX, BIN]

/** What a finished run printed and how it ended. */
export interface CivitasRun {
  code: number | null
  stdout: string
  stderr: string
}

/** A scratch directory per test file: the working directory of every run, removed by `cleanup`. */
export async function createWorkspace(passphrase = 'correct horse battery staple') {
  const dir = await mkdtemp(join(tmpdir(), 'civitas-cli-'))
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    NO_COLOR: '1',
    CIVITAS_PASSPHRASE: passphrase,
  }
  const envOf = (extra: Record<string, string | undefined>) => {
    const env: Record<string, string> = { ...baseEnv }
    for (const [name, value] of Object.entries(extra)) {
      if (value === undefined) delete env[name]
      else env[name] = value
    }
    return env
  }
  return {
    dir,
    path: (name: string) => join(dir, name),
    /** Runs `civitas ...args` to the end. */
    run(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}) {
      return new Promise<CivitasRun>((resolve, reject) => {
        const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
          cwd: dir,
          env: envOf(options.env ?? {}),
          stdio: ['pipe', 'pipe', 'pipe'],
        })
        let stdout = ''
        let stderr = ''
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk
        })
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk
        })
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, stdout, stderr }))
        child.stdin.end(options.input ?? '')
      })
    },
    /** Runs `civitas did create <method> ...options --json` and returns the new DID. */
    async createDid(method: 'key' | 'jwk', ...options: string[]): Promise<string> {
      const created = await this.run(['did', 'create', method, ...options, '--json'])
      if (created.code !== 0) throw new Error(`did create ${method} failed: ${created.stderr}`)
      return jsonOf<{ did: string }>(created).did
    },
    /** Starts a long-running `civitas ...args` (a server); `next()` waits for its next stdout line. */
    start(args: readonly string[], options: { env?: Record<string, string | undefined> } = {}) {
      const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, ...args], {
        cwd: dir,
        env: envOf(options.env ?? {}),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk
      })
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]()
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      return {
        child,
        exited,
        stderr: () => stderr,
        async next(): Promise<string> {
          const { value, done } = await lines.next()
          if (done) throw new Error(`civitas ${args.join(' ')} ended: ${stderr}`)
          return value
        },
        stop() {
          child.kill('SIGTERM')
          return exited
        },
      }
    },
    /**
     * Runs `civitas ...args` on a pseudo-terminal (util-linux `script`), typing `answer` and Enter
     * once the output contains `prompt`; resolves with everything the terminal showed.
     */
    onTerminal(
      args: readonly string[],
      prompt: string,
      answer: string,
      env: Record<string, string | undefined> = {},
    ) {
      const command = ['stty cols 100 rows 40;', process.execPath, ...NODE_ARGS, ...args]
        .map((part, index) => (index === 0 ? part : `'${part.replaceAll("'", "'\\''")}'`))
        .join(' ')
      return new Promise<CivitasRun>((resolve, reject) => {
        const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: envOf(env) })
        let shown = ''
        let typed = false
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          shown += chunk
          if (!typed && shown.includes(prompt)) {
            typed = true
            child.stdin.write(`${answer}\r`)
          }
        })
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, stdout: shown, stderr: '' }))
      })
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Parses a run's stdout as one JSON document. */
export function jsonOf<T = Record<string, unknown>>(run: CivitasRun): T {
  return JSON.parse(run.stdout) as T
}

/** The claims of the CLI tests' community membership card, as `--claim` flags. */
export const MEMBERSHIP_CLAIMS = [
  '--claim',
  'community=Supilinn Neighbourhood Society',
  '--claim',
  'role=member',
  '--claim',
  'memberSince=2024-03-01',
]
