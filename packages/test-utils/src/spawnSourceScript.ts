import { type ChildProcessByStdio, spawn } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'

/** Options for {@link spawnSourceScript}. */
export interface SpawnSourceScriptOptions {
  /** The ES module text the child runs; it imports Civitas modules by the URLs it is given in `env`. */
  script: string
  /** Added to the parent's environment. */
  env?: Record<string, string>
}

/** The child: its stdin and stdout are pipes, its stderr is the parent's. */
export type SourceScriptProcess = ChildProcessByStdio<Writable, Readable, null>

/**
 * Starts a real `node` process running `script`, with TypeScript sources importable (tsx and the
 * `civitas-source` export condition), for tests that need another process: one to SIGKILL at a
 * dangerous moment, or several racing for the same file. `tsx` must be installed where the tests run.
 *
 * @example
 * ```ts
 * import { spawnSourceScript } from '@civitas/test-utils'
 *
 * const child = spawnSourceScript({
 *   script: 'const { createFileKeyStore } = await import(process.env.MODULE); console.log(typeof createFileKeyStore)',
 *   env: { MODULE: new URL('./createFileKeyStore.ts', import.meta.url).href },
 * })
 * child.stdout.pipe(process.stdout)
 * ```
 */
export function spawnSourceScript(options: SpawnSourceScriptOptions): SourceScriptProcess {
  return spawn(
    process.execPath,
    ['--conditions=civitas-source', '--import', 'tsx', '--input-type=module', '-e', options.script],
    { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'inherit'] },
  )
}
