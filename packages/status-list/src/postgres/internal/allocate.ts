import { CivitasError } from '@civitas/core'
import type { Pool, PoolClient } from 'pg'
import { newListId, randomBelow } from '../../internal/registryArgs.js'
import type { StatusAllocation, StatusPurpose } from '../../types.js'
import type { Tables } from './schema.js'

const PROBES = 16

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (cause) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw cause
  } finally {
    client.release()
  }
}

/** Opens a new list for the purpose unless another allocator already did (serialised by an advisory lock). */
async function openList(
  pool: Pool,
  t: Tables,
  purpose: StatusPurpose,
  length: number,
  now: number,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `civitas-status:${t.prefix}:${purpose}`,
    ])
    const open = await client.query(
      `SELECT 1 FROM ${t.lists} WHERE purpose = $1 AND allocated < length LIMIT 1`,
      [purpose],
    )
    if (open.rowCount === 0) {
      await client.query(
        `INSERT INTO ${t.lists} (list_id, purpose, length, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
        [newListId(), purpose, length, now],
      )
    }
  })
}

/**
 * Reserves a slot in the oldest open list (the row lock serialises allocators of that list until commit), then
 * inserts a uniformly random free index: random probes first, then the k-th free index once the list is nearly full.
 */
export async function allocateEntry(
  pool: Pool,
  t: Tables,
  request: { purpose: StatusPurpose; credentialId?: string; listLength: number; now: number },
): Promise<StatusAllocation> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const allocation = await inTransaction(pool, async (client) => {
      const reserved = await client.query<{ list_id: string; length: number; allocated: number }>(
        `UPDATE ${t.lists} SET allocated = allocated + 1
           WHERE list_id = (SELECT list_id FROM ${t.lists} WHERE purpose = $1 AND allocated < length ORDER BY seq LIMIT 1)
             AND allocated < length
           RETURNING list_id, length, allocated`,
        [request.purpose],
      )
      const row = reserved.rows[0]
      if (row === undefined) return undefined
      const insert = `INSERT INTO ${t.entries} (list_id, idx, credential_id, allocated_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (list_id, idx) DO NOTHING RETURNING idx`
      const values = (idx: number) => [row.list_id, idx, request.credentialId ?? null, request.now]
      for (let probe = 0; probe < PROBES; probe++) {
        const inserted = await client.query(insert, values(randomBelow(row.length)))
        if (inserted.rowCount === 1) return { listId: row.list_id, index: inserted.rows[0].idx as number }
      }
      const free = row.length - (row.allocated - 1)
      const pick = await client.query<{ g: number }>(
        `SELECT g FROM generate_series(0, $2::integer - 1) AS g
           WHERE NOT EXISTS (SELECT 1 FROM ${t.entries} e WHERE e.list_id = $1 AND e.idx = g)
           ORDER BY g OFFSET $3 LIMIT 1`,
        [row.list_id, row.length, randomBelow(free)],
      )
      const index = pick.rows[0]?.g
      if (index === undefined)
        throw new CivitasError('ERR_INVALID_ARGUMENT', 'status list bookkeeping is inconsistent')
      await client.query(insert, values(index))
      return { listId: row.list_id, index }
    })
    if (allocation !== undefined) {
      const result: StatusAllocation = { ...allocation, purpose: request.purpose }
      if (request.credentialId !== undefined) result.credentialId = request.credentialId
      return result
    }
    await openList(pool, t, request.purpose, request.listLength, request.now)
  }
  throw new CivitasError('ERR_INVALID_ARGUMENT', 'could not allocate a status entry (lists keep filling up)')
}
