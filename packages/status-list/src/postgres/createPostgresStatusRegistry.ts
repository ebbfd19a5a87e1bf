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
import type {
  StatusAllocation,
  StatusAuditEntry,
  StatusEntryRef,
  StatusRegistry,
  StatusSize,
} from '../types.js'
import { allocateEntry, type OpenList } from './internal/allocate.js'
import { type AuditRow, auditRow, type EntryRow, entryWhere, toAllocation } from './internal/rows.js'
import { createSchema, tablesFor } from './internal/schema.js'

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

/** The registry {@link createPostgresStatusRegistry} returns. */
export type CreatePostgresStatusRegistryResult = StatusRegistry

/**
 * Creates a {@link StatusRegistry} in PostgreSQL. Tables are created on first use (under an advisory lock);
 * several processes may share them: allocation is transactional and never hands out the same index twice.
 *
 * @throws ERR_INVALID_ARGUMENT for a bad table prefix or list length, or neither pool nor connection string
 * @example
 * ```ts
 * import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
 *
 * const registry = createPostgresStatusRegistry({ connectionString: 'postgres://issuer@127.0.0.1:5432/issuer' })
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
  let schema: Promise<void> | undefined
  let closed = false
  const openLists = new Map<string, OpenList>()
  const ready = async (): Promise<pg.Pool> => {
    schema ??= createSchema(pool, t).catch((cause) => {
      schema = undefined
      throw cause
    })
    await schema
    return pool
  }

  async function locate(ref: StatusEntryRef): Promise<EntryRow> {
    const [where, params] = entryWhere(checkRef(ref))
    const result = await (await ready()).query<EntryRow>(
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
      try {
        return await allocateEntry(await ready(), t, openLists, { ...request, listLength, now: clock() })
      } catch (cause) {
        if ((cause as { code?: unknown }).code === '23505') {
          throw new CivitasError('ERR_INVALID_ARGUMENT', `credentialId: already has a ${purpose} entry`, {
            details: { credentialId, purpose },
            cause,
          })
        }
        throw cause
      }
    },
    async findEntry(ref): Promise<StatusAllocation> {
      return toAllocation(await locate(ref))
    },
    async getStatus(ref) {
      return (await locate(ref)).value
    },
    async setStatus(ref, setOptions) {
      checkRef(ref)
      checkSet(setOptions, 8)
      const db = await ready()
      const client = await db.connect()
      try {
        await client.query('BEGIN')
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
        await client.query(`UPDATE ${t.lists} SET updated_at = GREATEST(updated_at, $2) WHERE list_id = $1`, [
          row.list_id,
          at,
        ])
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
        await client.query('COMMIT')
        return auditRow(inserted.rows[0] as AuditRow)
      } catch (cause) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw cause
      } finally {
        client.release()
      }
    },
    async getList(listId) {
      if (typeof listId !== 'string') return undefined
      const db = await ready()
      const list = await db.query(
        `SELECT purpose, length, status_size, updated_at FROM ${t.lists} WHERE list_id = $1`,
        [listId],
      )
      const row = list.rows[0]
      if (row === undefined) return undefined
      const entries = await db.query<{ idx: number; value: number }>(
        `SELECT idx, value FROM ${t.entries} WHERE list_id = $1 AND value <> 0 ORDER BY idx`,
        [listId],
      )
      return {
        listId,
        purpose: row.purpose,
        length: row.length,
        statusSize: row.status_size as StatusSize,
        entries: entries.rows.map((e) => ({ index: e.idx, value: e.value })),
        updatedAt: Number(row.updated_at),
      }
    },
    async listIds() {
      const result = await (await ready()).query<{ list_id: string }>(
        `SELECT list_id FROM ${t.lists} ORDER BY seq`,
      )
      return result.rows.map((r) => r.list_id)
    },
    async audit(ref): Promise<StatusAuditEntry[]> {
      const db = await ready()
      if (ref === undefined)
        return (await db.query<AuditRow>(`SELECT * FROM ${t.audit} ORDER BY seq`)).rows.map(auditRow)
      const entry = await locate(ref)
      const result = await db.query<AuditRow>(
        `SELECT * FROM ${t.audit} WHERE list_id = $1 AND idx = $2 ORDER BY seq`,
        [entry.list_id, entry.idx],
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
