import { CivitasError } from '@civitas/core'
import { createClient } from 'redis'
import type { NonceStore } from '../types.js'

/** Options for {@link createRedisNonceStore}. */
export interface CreateRedisNonceStoreOptions {
  /** A `redis://` URL (default `redis://127.0.0.1:6379`). */
  url?: string
  /** Prefix of every key, so several relying parties can share one Redis (default `civitas:sign-in:`). */
  prefix?: string
  /**
   * How long a command, or the first connection, may take before it fails with `ERR_STORE_UNAVAILABLE`
   * (default 2000 ms).
   */
  timeoutMs?: number
}

const MAX_BACKOFF_MS = 2000

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())

/**
 * A {@link NonceStore} in Redis, shared by every relying-party instance: claims are one atomic
 * `SET key 1 NX PX ttl`, so of any number of concurrent claims of a key exactly one succeeds, on any
 * instance; entries expire in Redis itself.
 *
 * Outages: while Redis cannot be reached every method fails at once with `ERR_STORE_UNAVAILABLE` (a hung
 * server after `timeoutMs`); the client keeps reconnecting in the background (exponential backoff up to 2 s)
 * and the store works again as soon as Redis is back, without a restart.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a prefix with spaces or control characters or a bad `timeoutMs`; the store's methods
 *   throw `ERR_STORE_UNAVAILABLE` when Redis cannot be reached.
 * @example
 * ```ts
 * import { createRedisNonceStore } from '@civitas/sign-in/redis'
 *
 * const store = createRedisNonceStore({ url: 'redis://127.0.0.1:6379' })
 * console.log(await store.claim('response:abc', 60_000)) // true once, across every instance
 * await store.close()
 * ```
 */
export function createRedisNonceStore(options: CreateRedisNonceStoreOptions = {}): NonceStore {
  const prefix = options.prefix ?? 'civitas:sign-in:'
  if (!/^[\x21-\x7e]{0,64}$/.test(prefix)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'prefix: expected up to 64 visible ASCII characters')
  }
  const url = options.url ?? 'redis://127.0.0.1:6379'
  const timeoutMs = options.timeoutMs ?? 2000
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'timeoutMs: expected a positive integer')
  }
  const client = createClient({
    url,
    // Commands fail at once while Redis is away rather than queueing behind a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      // Never give up: a client that stops reconnecting is closed for good, and so would be the store.
      reconnectStrategy: (retries) =>
        Math.min(50 * 2 ** retries, MAX_BACKOFF_MS) + Math.floor(Math.random() * 50),
    },
  })
  // Errors surface from the command that hit them; the client's error event must not crash the process.
  client.on('error', () => undefined)
  let connected: Promise<unknown> | undefined
  let closed = false
  const ready = async () => {
    if (closed) throw new CivitasError('ERR_STORE_UNAVAILABLE', 'the nonce store is closed')
    connected ??= client.connect().catch(() => undefined)
    // Only the first connection is waited for (at most timeoutMs); while Redis is away afterwards the
    // client is reconnecting and its commands fail at once.
    if (!client.isReady) await Promise.race([connected, delay(timeoutMs)])
    return client
  }
  const run = async <T>(command: (redis: typeof client) => Promise<T>): Promise<T> => {
    try {
      const redis = await ready()
      // A command a hung server never answers fails after timeoutMs.
      let timer: ReturnType<typeof setTimeout> | undefined
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer in time')), timeoutMs)
      })
      try {
        return await Promise.race([command(redis), timedOut])
      } finally {
        clearTimeout(timer)
      }
    } catch (cause) {
      if (cause instanceof CivitasError) throw cause
      throw new CivitasError(
        'ERR_STORE_UNAVAILABLE',
        `Redis at ${url.replace(/\/\/[^@/]*@/, '//')} did not answer`,
        { cause },
      )
    }
  }
  const ttl = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs))

  return {
    async set(key, value, ttlMs) {
      await run((redis) => redis.set(prefix + key, value, { expiration: { type: 'PX', value: ttl(ttlMs) } }))
    },
    async get(key) {
      return (await run((redis) => redis.get(prefix + key))) ?? undefined
    },
    async claim(key, ttlMs) {
      const result = await run((redis) =>
        redis.set(prefix + key, '1', { condition: 'NX', expiration: { type: 'PX', value: ttl(ttlMs) } }),
      )
      return result === 'OK'
    },
    async close() {
      closed = true
      // destroy, not close: a reconnecting client's close would wait for a connection that may never come.
      if (connected !== undefined) client.destroy()
    },
  }
}
