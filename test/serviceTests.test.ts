import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// `npm run test:unit` leaves out `*.services.test.ts` (vitest.config.ts). This keeps the name honest both
// ways: a test that reaches a service client, directly or through the repository's own modules, carries the
// name, and one that carries it reaches a service, so no test leaves the unit run without a reason.
const root = fileURLToPath(new URL('..', import.meta.url))
const SERVICE_CLIENTS = new Set([
  'pg', // PostgreSQL
  'redis',
  '@civitas/status-list/postgres',
  '@civitas/sign-in/redis',
  'playwright-core', // Chromium
  'ganache', // an Ethereum node
])

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

// A package's own adapter folders are what its subpaths `./postgres` and `./redis` export.
const ADAPTER_FOLDER = /\/packages\/[^/]+\/src\/(postgres|redis)\//

/**
 * The service clients a file imports: by name, through a package's adapter folder, or through the test
 * helpers and example runners it imports (followed; package code is not, since importing a driver's
 * module connects to nothing: only the tests that call an adapter need the service).
 */
function servicesReached(file: string, seen = new Set<string>()): Set<string> {
  const reached = new Set<string>()
  if (seen.has(file)) return reached
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  for (const [, specifier = ''] of source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)) {
    if (SERVICE_CLIENTS.has(specifier)) reached.add(specifier)
    else if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))
      const adapter = ADAPTER_FOLDER.exec(target)
      if (adapter) reached.add(`adapter ${adapter[1]}`)
      else if (!target.startsWith(join(root, 'packages'))) {
        for (const service of servicesReached(target, seen)) reached.add(service)
      }
    }
  }
  return reached
}

const files = [...testFiles(join(root, 'packages')), ...testFiles(join(root, 'test'))].map((file) =>
  relative(root, file),
)

describe('tests that need services', () => {
  it.each(files.filter((file) => !file.endsWith('.services.test.ts')))(
    'behavior: %s reaches no service client, so it runs in test:unit',
    (file) => {
      expect([...servicesReached(join(root, file))]).toEqual([])
    },
  )

  it.each(files.filter((file) => file.endsWith('.services.test.ts')))(
    'behavior: %s reaches a service client, so it is left out of test:unit for a reason',
    (file) => {
      expect(servicesReached(join(root, file)).size).toBeGreaterThan(0)
    },
  )
})
