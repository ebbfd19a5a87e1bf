import type { StatusRegistry } from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import type { Command } from 'commander'

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
  const registry = createPostgresStatusRegistry({
    connectionString: flags.databaseUrl as string,
    tablePrefix: flags.tablePrefix,
  })
  try {
    await registry.migrate()
  } catch (error) {
    await registry.close()
    throw error
  }
  return registry
}
