import { CivitasError, isCivitasError } from '@civitas/core'
import type { StatusRegistry } from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import type { Command } from 'commander'
import { usageError } from './failure.js'

/** The options naming a PostgreSQL status registry. */
export interface RegistryFlags {
  databaseUrl?: string
  tablePrefix: string
}

/** Adds `--database-url` (or `CIVITAS_DATABASE_URL`) and `--table-prefix` to a command. */
export function registryOptions(
  command: Command,
  env: Readonly<Record<string, string | undefined>>,
): Command {
  return command
    .option(
      '--database-url <url>',
      'the PostgreSQL status registry (env CIVITAS_DATABASE_URL)',
      env.CIVITAS_DATABASE_URL,
    )
    .option('--table-prefix <prefix>', "the registry tables' name prefix", 'civitas_status_')
}

/**
 * Opens the registry the flags name and brings its tables up to date (`migrate()` is idempotent and safe
 * beside other instances; when the schema is current it only reads the version).
 */
export async function openStatusRegistry(flags: RegistryFlags): Promise<StatusRegistry> {
  checkDatabaseUrl(flags.databaseUrl as string)
  const registry = createPostgresStatusRegistry({
    connectionString: flags.databaseUrl as string,
    tablePrefix: flags.tablePrefix,
  })
  try {
    await registry.migrate()
  } catch (error) {
    await registry.close()
    if (isCivitasError(error) && error.code === 'ERR_STORE_UNAVAILABLE') {
      throw new CivitasError(
        'ERR_STORE_UNAVAILABLE',
        `the status registry at --database-url ${redacted(flags.databaseUrl as string)} cannot be reached`,
        { details: error.details, cause: error.cause ?? error },
      )
    }
    throw error
  }
  return registry
}

/** A PostgreSQL URL, checked before any connection: a typo is a usage error, not a DNS failure. */
function checkDatabaseUrl(url: string): void {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (parsed === undefined || !/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw usageError(
      `--database-url ${url.slice(0, 80)}: expected a PostgreSQL URL such as postgres://user@127.0.0.1:5432/city`,
    )
  }
}

/** The URL without its password, for messages and logs. */
function redacted(url: string): string {
  const parsed = new URL(url)
  if (parsed.password !== '') parsed.password = '***'
  return parsed.href
}
