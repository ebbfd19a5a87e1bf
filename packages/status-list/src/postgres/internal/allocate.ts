import { CivitasError } from '@civitas/core'
import type { Pool } from 'pg'
import { newListId, randomBelow } from '../../internal/registryArgs.js'
import type { StatusAllocation, StatusPurpose, StatusSize } from '../../types.js'
import { inTransaction } from './database.js'
import type { Tables } from './schema.js'

const CANDIDATES = 16
const RANDOM_ROUNDS = 4

/** What one registry instance remembers about the list it currently allocates from, per purpose and size. */
export interface OpenList {
  listId: string
  length: number
  /** Free indexes in random order, loaded once random probing starts missing (the list is nearly full). */
  free?: number[]
}

async function findOrOpenList(
  pool: Pool,
  t: Tables,
  purpose: StatusPurpose,
  statusSize: StatusSize,
  length: number,
  now: number,
) {
  const query = `SELECT list_id, length FROM ${t.lists}
    WHERE purpose = $1 AND status_size = $2 AND NOT is_full ORDER BY seq LIMIT 1`
  const found = await pool.query<{ list_id: string; length: number }>(query, [purpose, statusSize])
  if (found.rows[0] !== undefined) return { listId: found.rows[0].list_id, length: found.rows[0].length }
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `civitas-status:${t.prefix}:${purpose}:${statusSize}`,
    ])
    const again = await client.query<{ list_id: string; length: number }>(query, [purpose, statusSize])
    let row = again.rows[0]
    if (row === undefined) {
      row = { list_id: newListId(), length }
      await client.query(
        `INSERT INTO ${t.lists} (list_id, purpose, length, status_size, created_at, updated_at)
          VALUES ($1, $2, $3, $5, $4, $4)`,
        [row.list_id, purpose, length, now, statusSize],
      )
    }
    return { listId: row.list_id, length: row.length }
  })
}

function shuffle(values: number[]): number[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1)
    const swap = values[i] as number
    values[i] = values[j] as number
    values[j] = swap
  }
  return values
}

/**
 * Allocates a uniformly random free index without locks: each round offers 16 random candidates to one
 * `INSERT … ON CONFLICT DO NOTHING` (the primary key makes a duplicate impossible). When random candidates keep
 * missing, the free indexes are loaded once and offered one by one in shuffled order; a list is marked full only
 * when every index of that snapshot is taken (indexes are never freed, so none is free then).
 */
export async function allocateEntry(
  pool: Pool,
  t: Tables,
  state: Map<string, OpenList>,
  request: {
    purpose: StatusPurpose
    statusSize: StatusSize
    credentialId?: string
    listLength: number
    now: number
  },
): Promise<StatusAllocation> {
  const insert = `INSERT INTO ${t.entries} (list_id, idx, credential_id, allocated_at, purpose)
    SELECT $1, c.idx, $3, $4, $5 FROM unnest($2::integer[]) WITH ORDINALITY AS c (idx, n)
      WHERE NOT EXISTS (SELECT 1 FROM ${t.entries} e WHERE e.list_id = $1 AND e.idx = c.idx)
      ORDER BY c.n LIMIT 1
    ON CONFLICT (list_id, idx) DO NOTHING RETURNING idx`
  const key = `${request.purpose}/${request.statusSize}`
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let list = state.get(key)
    if (list === undefined) {
      list = await findOrOpenList(
        pool,
        t,
        request.purpose,
        request.statusSize,
        request.listLength,
        request.now,
      )
      state.set(key, list)
    }
    const current = list
    const rounds = current.free === undefined ? RANDOM_ROUNDS : Number.POSITIVE_INFINITY
    for (let round = 0; round < rounds; round++) {
      // From the free snapshot one index at a time: an index is dropped from it only once it is taken
      // (by this insert or by another instance), so no free index is ever left behind in a list marked full.
      const candidates =
        current.free === undefined
          ? Array.from({ length: CANDIDATES }, () => randomBelow(current.length))
          : current.free.splice(-1)
      if (candidates.length === 0) break
      const inserted = await pool
        .query<{ idx: number }>(insert, [
          current.listId,
          candidates,
          request.credentialId ?? null,
          request.now,
          request.purpose,
        ])
        .catch((cause: unknown) => {
          // Not taken by this failed insert: the index stays on offer.
          current.free?.push(...candidates)
          throw cause
        })
      const index = inserted.rows[0]?.idx
      if (index !== undefined) {
        const result: StatusAllocation = { listId: current.listId, index, purpose: request.purpose }
        if (request.credentialId !== undefined) result.credentialId = request.credentialId
        return result
      }
    }
    if (current.free === undefined) {
      const free = await pool.query<{ g: number }>(
        `SELECT g FROM generate_series(0, $2::integer - 1) AS g
           WHERE NOT EXISTS (SELECT 1 FROM ${t.entries} e WHERE e.list_id = $1 AND e.idx = g)`,
        [current.listId, current.length],
      )
      current.free = shuffle(free.rows.map((r) => r.g))
      if (current.free.length > 0) continue
    }
    // No free index left (indexes are never freed, so an exhausted snapshot means a full list).
    await pool.query(`UPDATE ${t.lists} SET is_full = true WHERE list_id = $1`, [current.listId])
    state.delete(key)
  }
  throw new CivitasError('ERR_INVALID_ARGUMENT', 'could not allocate a status entry')
}

/**
 * The entry a credential id already holds for a purpose (an allocation retried after a crash or a lost reply),
 * or an `ERR_INVALID_ARGUMENT` when it was allocated with another status size.
 */
export async function existingAllocation(
  pool: Pool,
  t: Tables,
  request: { purpose: StatusPurpose; statusSize: StatusSize; credentialId: string },
): Promise<StatusAllocation | undefined> {
  const found = await pool.query<{ list_id: string; idx: number; status_size: number }>(
    `SELECT e.list_id, e.idx, l.status_size FROM ${t.entries} e JOIN ${t.lists} l ON l.list_id = e.list_id
      WHERE e.credential_id = $1 AND e.purpose = $2`,
    [request.credentialId, request.purpose],
  )
  const row = found.rows[0]
  if (row === undefined) return undefined
  if (row.status_size !== request.statusSize) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `credentialId: already has a ${request.purpose} entry of status size ${row.status_size}`,
      { details: { credentialId: request.credentialId, purpose: request.purpose } },
    )
  }
  return { listId: row.list_id, index: row.idx, purpose: request.purpose, credentialId: request.credentialId }
}
