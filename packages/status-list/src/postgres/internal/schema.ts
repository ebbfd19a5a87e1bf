import { CivitasError } from '@civitas/core'
import type { Pool } from 'pg'

/** Table names for one prefix; the prefix is validated, so names are safe to interpolate. */
export interface Tables {
  prefix: string
  lists: string
  entries: string
  audit: string
}

const PREFIX = /^[a-z_][a-z0-9_]{0,39}$/

export function tablesFor(prefix: unknown): Tables {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'tablePrefix: expected 1-40 characters of lower-case letters, digits and _, not starting with a digit',
      { details: { tablePrefix: String(prefix).slice(0, 64) } },
    )
  }
  return { prefix, lists: `${prefix}lists`, entries: `${prefix}entries`, audit: `${prefix}audit` }
}

/** Creates the registry's tables if absent, under an advisory lock so concurrent first uses do not race. */
export async function createSchema(pool: Pool, t: Tables): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civitas-status:${t.prefix}`])
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.lists} (
      seq bigserial UNIQUE,
      list_id text PRIMARY KEY,
      purpose text NOT NULL,
      length integer NOT NULL CHECK (length > 0),
      status_size integer NOT NULL DEFAULT 1,
      is_full boolean NOT NULL DEFAULT false,
      created_at bigint NOT NULL,
      updated_at bigint NOT NULL)`)
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.entries} (
      list_id text NOT NULL REFERENCES ${t.lists} (list_id),
      idx integer NOT NULL CHECK (idx >= 0),
      credential_id text,
      purpose text NOT NULL,
      value integer NOT NULL DEFAULT 0,
      allocated_at bigint NOT NULL,
      PRIMARY KEY (list_id, idx))`)
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.audit} (
      seq bigserial PRIMARY KEY,
      list_id text NOT NULL,
      idx integer NOT NULL,
      credential_id text,
      actor text NOT NULL,
      reason text,
      previous integer NOT NULL,
      value integer NOT NULL,
      at bigint NOT NULL)`)
    await client.query(`CREATE INDEX IF NOT EXISTS ${t.prefix}audit_entry ON ${t.audit} (list_id, idx, seq)`)
    await client.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${t.prefix}entries_credential ON ${t.entries} (credential_id, purpose)`,
    )
    await client.query(`CREATE INDEX IF NOT EXISTS ${t.prefix}lists_open ON ${t.lists} (purpose, seq)`)
    await client.query('COMMIT')
  } catch (cause) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw cause
  } finally {
    client.release()
  }
}
