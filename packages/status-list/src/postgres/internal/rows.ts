import type { Pool } from 'pg'
import type {
  StatusAllocation,
  StatusAuditEntry,
  StatusEntryRef,
  StatusListSnapshot,
  StatusPurpose,
  StatusSize,
} from '../../types.js'
import type { Tables } from './schema.js'

export interface EntryRow {
  list_id: string
  idx: number
  credential_id: string | null
  value: number
  purpose: StatusPurpose
}

export interface AuditRow {
  list_id: string
  idx: number
  credential_id: string | null
  actor: string
  reason: string | null
  previous: number
  value: number
  at: string
}

/** The WHERE clause (over alias `e`) and parameters selecting one entry. */
export function entryWhere(ref: StatusEntryRef): [string, unknown[]] {
  if ('credentialId' in ref) {
    return ref.purpose === undefined
      ? ['e.credential_id = $1', [ref.credentialId]]
      : ['e.credential_id = $1 AND e.purpose = $2', [ref.credentialId, ref.purpose]]
  }
  return ['e.list_id = $1 AND e.idx = $2', [ref.listId, ref.index]]
}

export function toAllocation(row: EntryRow): StatusAllocation {
  const allocation: StatusAllocation = {
    listId: row.list_id,
    index: row.idx,
    purpose: row.purpose,
  }
  if (row.credential_id !== null) allocation.credentialId = row.credential_id
  return allocation
}

export function auditRow(row: AuditRow): StatusAuditEntry {
  const entry: StatusAuditEntry = {
    listId: row.list_id,
    index: row.idx,
    actor: row.actor,
    previous: row.previous,
    value: row.value,
    at: Number(row.at),
  }
  if (row.credential_id !== null) entry.credentialId = row.credential_id
  if (row.reason !== null) entry.reason = row.reason
  return entry
}

/** A list's current state, or `undefined` for an unknown id. */
export async function readList(
  pool: Pool,
  t: Tables,
  listId: string,
): Promise<StatusListSnapshot | undefined> {
  const list = await pool.query(
    `SELECT purpose, length, status_size, updated_at FROM ${t.lists} WHERE list_id = $1`,
    [listId],
  )
  const row = list.rows[0]
  if (row === undefined) return undefined
  const entries = await pool.query<{ idx: number; value: number }>(
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
}
