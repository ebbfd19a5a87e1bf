import type { Pool, PoolClient } from 'pg'
import { isConnectionFailure, isRetryableConflict, toStoreError } from './storeErrors.js'

const ATTEMPTS = 5
const ignore = () => undefined

/**
 * Runs `operation`, again (up to 5 times, with a short random pause) when PostgreSQL rolled it back for a
 * serialization failure or deadlock, and when `retryConnectionFailures` also when its connection failed
 * (only for operations that change nothing or are idempotent). Failures come out as Civitas errors.
 */
export async function withRetry<T>(operation: () => Promise<T>, retryConnectionFailures = false): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation()
    } catch (cause) {
      const retryable =
        isRetryableConflict(cause) || (retryConnectionFailures && attempt === 1 && isConnectionFailure(cause))
      if (!retryable || attempt >= ATTEMPTS) throw toStoreError(cause)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}

/**
 * Runs `work` in one transaction on a pooled connection. The connection's `error` event is handled while it is
 * checked out (a server that drops it must not crash the process), and a connection that failed is destroyed
 * rather than returned to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  client.on('error', ignore)
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (cause) {
    if (isConnectionFailure(cause)) broken = cause as Error
    else await client.query('ROLLBACK').catch(ignore)
    throw cause
  } finally {
    client.off('error', ignore)
    client.release(broken)
  }
}

/** Keeps a dropped idle connection from crashing the process: the pool discards it and opens another. */
export function handlePoolErrors(pool: Pool): void {
  pool.on('error', ignore)
}
