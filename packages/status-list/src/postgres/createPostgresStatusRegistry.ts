import { CivitasError, type Clock, systemClock } from '@civitas/core'
import pg from 'pg'
import {
  checkFrom,
  checkListLength,
  checkPurpose,
  checkRef,
  checkSet,
  checkStatusSize,
  pickEntry,
} from '../internal/registryArgs.js'
import type { StatusAllocation, StatusAuditEntry, StatusEntryRef, StatusRegistry } from '../types.js'
import { allocateEntry, existingAllocation, type OpenList } from './internal/allocate.js'
import { handlePoolErrors, inTransaction, withRetry } from './internal/database.js'
import {
  type AuditRow,
  auditRow,
  type EntryRow,
  entryWhere,
  readList,
  toAllocation,
} from './internal/rows.js'
import { migrateSchema, tablesFor } from './internal/schema.js'

/** Options of {@link createPostgresStatusRegistry}: a `pool` (kept open on close) or a `connectionString`. */
export interface CreatePostgresStatusRegistryOptions {
  /** A `pg` pool to use; the registry never ends it. */
  pool?: pg.Pool
  /** Connection string for a pool the registry owns (ended by `close()`). */
  connectionString?: string
  /** Prefix of the registry's table names; lower-case letters, digits and `_`. Default `civitas_status_`. */
  tablePrefix?: string
  /** Entries per new list; default 131,072 (the W3C minimum). */
  listLength?: number
  /** Allows lists shorter than 131,072 (tests of roll-over; such lists cannot be published). */
  allowShortLists?: boolean
  /** Clock for audit timestamps. */
  clock?: Clock
}

/** The registry {@link createPostgresStatusRegistry} returns: a {@link StatusRegistry} with its migration step. */
export interface CreatePostgresStatusRegistryResult extends StatusRegistry {
  /**
   * Creates the registry's tables, or brings them up to this release's schema version; idempotent and safe to
   * run from any number of processes at once (an advisory lock per table prefix). Run it once per deploy, or
   * at start-up, before the registry is used: the registry's other methods never create tables, and raise
   * `ERR_STORE_NOT_MIGRATED` while the tables do not exist.
   *
   * @throws ERR_STORE_UNAVAILABLE when PostgreSQL cannot be reached
   */
  migrate(): Promise<void>
}

/**
 * Creates a {@link StatusRegistry} in PostgreSQL. Its tables are made by an explicit step, `migrate()`
 * (idempotent, safe to run concurrently); the registry never runs DDL otherwise. Several processes may share the
 * tables: allocation is transactional and never hands out the same index twice, and allocating again for a
 * credential id that already holds an entry of that purpose returns that entry (an issuance retried after a
 * crash). Deadlocks and serialization failures are retried (up to 5 attempts); reads are retried once on a
 * fresh connection when theirs was dropped. A connection the server drops never crashes the process: the pool
 * and its clients' `error` events are handled, and the next call opens a new connection.
 *
 * @throws ERR_INVALID_ARGUMENT for a bad table prefix or list length, or neither pool nor connection string;
 *   the registry's methods raise ERR_STORE_UNAVAILABLE when PostgreSQL cannot be reached or drops the
 *   connection (the driver's error as `cause`), and ERR_STORE_NOT_MIGRATED before `migrate()` made the tables
 * @example
 * ```ts
 * import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
 *
 * const registry = createPostgresStatusRegistry({ connectionString: 'postgres://issuer@127.0.0.1:5432/issuer' })
 * await registry.migrate() // once per deploy, or at start-up
 * const entry = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:card-1' })
 * await registry.setStatus(entry, { value: 1, actor: 'clerk@city', reason: 'moved away' })
 * await registry.close()
 * ```
 */
export function createPostgresStatusRegistry(
  options: CreatePostgresStatusRegistryOptions,
): CreatePostgresStatusRegistryResult {
  const t = tablesFor(options?.tablePrefix ?? 'civitas_status_')
  const listLength = checkListLength(options.listLength, options.allowShortLists)
  const clock = options.clock ?? systemClock
  if (options.pool === undefined && typeof options.connectionString !== 'string') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'expected a pg pool or a connectionString')
  }
  const owned = options.pool === undefined
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 })
  handlePoolErrors(pool)
  let closed = false
  const openLists = new Map<string, OpenList>()
  // Reads change nothing, so a dropped connection is worth one more try on a fresh one.
  const read = <T>(operation: () => Promise<T>) => withRetry(operation, true)

  async function locate(ref: StatusEntryRef): Promise<EntryRow> {
    const [where, params] = entryWhere(checkRef(ref))
    const result = await pool.query<EntryRow>(
      `SELECT e.list_id, e.idx, e.credential_id, e.value, e.purpose FROM ${t.entries} e WHERE ${where}`,
      params,
    )
    return pickEntry(ref, result.rows)
  }

  return {
    async allocate(allocateOptions) {
      const purpose = checkPurpose(allocateOptions?.purpose)
      const credentialId = allocateOptions.credentialId
      if (credentialId !== undefined && (typeof credentialId !== 'string' || credentialId === '')) {
        throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentialId: expected a non-empty string')
      }
      const statusSize = checkStatusSize(allocateOptions.statusSize)
      const request =
        credentialId === undefined ? { purpose, statusSize } : { purpose, statusSize, credentialId }
      return withRetry(async () => {
        try {
          return await allocateEntry(pool, t, openLists, { ...request, listLength, now: clock() })
        } catch (cause) {
          // The credential already holds an entry of this purpose: the same allocation, retried.
          const existing =
            credentialId !== undefined && (cause as { code?: unknown }).code === '23505'
              ? await existingAllocation(pool, t, { purpose, statusSize, credentialId })
              : undefined
          if (existing === undefined) throw cause
          return existing
        }
      })
    },
    async migrate() {
      await withRetry(() => migrateSchema(pool, t), true)
    },
    async findEntry(ref): Promise<StatusAllocation> {
      return toAllocation(await read(() => locate(ref)))
    },
    async getStatus(ref) {
      return (await read(() => locate(ref))).value
    },
    async setStatus(ref, setOptions) {
      checkRef(ref)
      checkSet(setOptions, 8)
      return withRetry(() =>
        inTransaction(pool, async (client) => {
          const [where, params] = entryWhere(ref)
          const found = await client.query<EntryRow & { status_size: number }>(
            `SELECT e.list_id, e.idx, e.credential_id, e.value, e.purpose, l.status_size
               FROM ${t.entries} e JOIN ${t.lists} l ON l.list_id = e.list_id
               WHERE ${where} FOR UPDATE OF e`,
            params,
          )
          const row = pickEntry(ref, found.rows)
          checkSet(setOptions, row.status_size)
          checkFrom(setOptions, row.value)
          const at = clock()
          await client.query(`UPDATE ${t.entries} SET value = $3 WHERE list_id = $1 AND idx = $2`, [
            row.list_id,
            row.idx,
            setOptions.value,
          ])
          await client.query(
            `UPDATE ${t.lists} SET updated_at = GREATEST(updated_at, $2) WHERE list_id = $1`,
            [row.list_id, at],
          )
          const inserted = await client.query<AuditRow>(
            `INSERT INTO ${t.audit} (list_id, idx, credential_id, actor, reason, previous, value, at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
            [
              row.list_id,
              row.idx,
              row.credential_id,
              setOptions.actor,
              setOptions.reason ?? null,
              row.value,
              setOptions.value,
              at,
            ],
          )
          return auditRow(inserted.rows[0] as AuditRow)
        }),
      )
    },
    async getList(listId) {
      if (typeof listId !== 'string') return undefined
      return read(() => readList(pool, t, listId))
    },
    async listIds() {
      const result = await read(() =>
        pool.query<{ list_id: string }>(`SELECT list_id FROM ${t.lists} ORDER BY seq`),
      )
      return result.rows.map((r) => r.list_id)
    },
    async audit(ref): Promise<StatusAuditEntry[]> {
      if (ref === undefined) {
        const all = await read(() => pool.query<AuditRow>(`SELECT * FROM ${t.audit} ORDER BY seq`))
        return all.rows.map(auditRow)
      }
      const entry = await read(() => locate(ref))
      const result = await read(() =>
        pool.query<AuditRow>(`SELECT * FROM ${t.audit} WHERE list_id = $1 AND idx = $2 ORDER BY seq`, [
          entry.list_id,
          entry.idx,
        ]),
      )
      return result.rows.map(auditRow)
    },
    async close() {
      if (owned && !closed) {
        closed = true
        await pool.end()
      }
    },
  }
}
