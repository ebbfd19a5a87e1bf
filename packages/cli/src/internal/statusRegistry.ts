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

/** Opens the registry the flags name. */
export function openStatusRegistry(flags: RegistryFlags): StatusRegistry {
  return createPostgresStatusRegistry({
    connectionString: flags.databaseUrl as string,
    tablePrefix: flags.tablePrefix,
  })
}
