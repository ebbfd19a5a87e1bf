import { userInfo } from 'node:os'
import pg from 'pg'

/** Real PostgreSQL on 127.0.0.1:5432, database `test`, trust auth: the OS user's role, else `postgres`. */
export async function findPostgresUrl(): Promise<string> {
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
