import { spawn } from 'node:child_process'

/**
 * Runs `script` (ES module text) in a child Node process from the TypeScript sources (tsx), as another
 * issuer instance would run; `REGISTRY_MODULE` names the PostgreSQL registry's module. Kills it with
 * SIGKILL once `killWhen` holds for its output so far; resolves with its whole output.
 */
export function runRegistryChild(options: {
  script: string
  env: Record<string, string>
  killWhen?: (out: string) => boolean
}): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--conditions=civitas-source', '--import', 'tsx', '--input-type=module', '-e', options.script],
    {
      env: {
        ...process.env,
        ...options.env,
        REGISTRY_MODULE: new URL(
          '../../packages/status-list/src/postgres/createPostgresStatusRegistry.ts',
          import.meta.url,
        ).href,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (options.killWhen?.(out) === true) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(out)
      else reject(new Error(`child exited with ${String(code)}`))
    })
  })
}
