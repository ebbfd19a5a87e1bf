import { CivitasError } from '@civitas/core'
import type { Pool } from 'pg'
import { inTransaction } from './database.js'

/** Table names for one prefix; the prefix is validated, so names are safe to interpolate. */
export interface Tables {
  prefix: string
  lists: string
  entries: string
  audit: string
  version: string
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
  return {
    prefix,
    lists: `${prefix}lists`,
    entries: `${prefix}entries`,
    audit: `${prefix}audit`,
    version: `${prefix}schema_version`,
  }
}

/** The schema version this code reads and writes; `migrate()` brings older tables up to it. */
export const SCHEMA_VERSION = 1

/** One migration step per version: each object is created only when absent (by name). */
const STEPS: readonly (readonly [object: (t: Tables) => string, ddl: (t: Tables) => string])[][] = [
  [
    [
      (t) => t.lists,
      (t) => `CREATE TABLE ${t.lists} (
        seq bigserial UNIQUE,
        list_id text PRIMARY KEY,
        purpose text NOT NULL,
        length integer NOT NULL CHECK (length > 0),
        status_size integer NOT NULL DEFAULT 1,
        is_full boolean NOT NULL DEFAULT false,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL)`,
    ],
    [
      (t) => t.entries,
      (t) => `CREATE TABLE ${t.entries} (
        list_id text NOT NULL REFERENCES ${t.lists} (list_id),
        idx integer NOT NULL CHECK (idx >= 0),
        credential_id text,
        purpose text NOT NULL,
        value integer NOT NULL DEFAULT 0,
        allocated_at bigint NOT NULL,
        PRIMARY KEY (list_id, idx))`,
    ],
    [
      (t) => t.audit,
      (t) => `CREATE TABLE ${t.audit} (
        seq bigserial PRIMARY KEY,
        list_id text NOT NULL,
        idx integer NOT NULL,
        credential_id text,
        actor text NOT NULL,
        reason text,
        previous integer NOT NULL,
        value integer NOT NULL,
        at bigint NOT NULL)`,
    ],
    [
      (t) => `${t.prefix}audit_entry`,
      (t) => `CREATE INDEX ${t.prefix}audit_entry ON ${t.audit} (list_id, idx, seq)`,
    ],
    [
      (t) => `${t.prefix}entries_credential`,
      (t) => `CREATE UNIQUE INDEX ${t.prefix}entries_credential ON ${t.entries} (credential_id, purpose)`,
    ],
    [
      (t) => `${t.prefix}lists_open`,
      (t) => `CREATE INDEX ${t.prefix}lists_open ON ${t.lists} (purpose, seq)`,
    ],
  ],
]

/** The schema version recorded for these tables, or 0 when there is none yet. */
export async function schemaVersion(db: Pick<Pool, 'query'>, t: Tables): Promise<number> {
  const found = await db.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    t.version,
  ])
  if (found.rows[0]?.exists !== true) return 0
  const row = await db.query<{ version: number }>(`SELECT max(version) AS version FROM ${t.version}`)
  return row.rows[0]?.version ?? 0
}

/**
 * Brings the registry's tables to {@link SCHEMA_VERSION}. Up to date already: one read, no lock, no DDL, so
 * it runs beside writers. Otherwise, under a transaction-scoped advisory lock per table prefix, it creates
 * only the objects that are absent (tables made by an older release are adopted without being locked) and
 * records the version; concurrent callers wait for the lock and then find nothing to do.
 */
export async function migrateSchema(pool: Pool, t: Tables): Promise<void> {
  if ((await schemaVersion(pool, t)) >= SCHEMA_VERSION) return
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civitas-status:${t.prefix}`])
    const from = await schemaVersion(client, t)
    if (from >= SCHEMA_VERSION) return
    for (const step of STEPS.slice(from)) {
      for (const [object, ddl] of step) {
        const absent = await client.query<{ absent: boolean }>('SELECT to_regclass($1) IS NULL AS absent', [
          object(t),
        ])
        if (absent.rows[0]?.absent === true) await client.query(ddl(t))
      }
    }
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${t.version} (version integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
    )
    await client.query(`INSERT INTO ${t.version} (version) VALUES ($1) ON CONFLICT DO NOTHING`, [
      SCHEMA_VERSION,
    ])
  })
}
