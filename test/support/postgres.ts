import { userInfo } from 'node:os'
import pg from 'pg'

/** Real PostgreSQL on 127.0.0.1:5432, database `test`, trust auth: the OS user's role, else `postgres`. */
export async function findPostgresConnectionString(): Promise<string> {
  for (const user of [process.env.PGUSER, userInfo().username, 'postgres']) {
    if (user === undefined) continue
    const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/test`
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return url
    } catch {
      await client.end().catch(() => undefined)
    }
  }
  throw new Error('no PostgreSQL on 127.0.0.1:5432 (database test)')
}

/** Drops every table whose name starts with `prefix`. */
export async function dropTables(connectionString: string, prefix: string): Promise<void> {
  const admin = new pg.Pool({ connectionString, max: 1 })
  try {
    const tables = await admin.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
      [`${prefix}%`],
    )
    for (const { tablename } of tables.rows) await admin.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`)
  } finally {
    await admin.end()
  }
}
