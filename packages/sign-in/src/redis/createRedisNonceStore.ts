import { CivitasError } from '@civitas/core'
import { createClient } from 'redis'
import type { NonceStore } from '../types.js'

/** Options for {@link createRedisNonceStore}. */
export interface CreateRedisNonceStoreOptions {
  /** A `redis://` URL (default `redis://127.0.0.1:6379`). */
  url?: string
  /** Prefix of every key, so several relying parties can share one Redis (default `civitas:sign-in:`). */
  prefix?: string
}

/**
 * A {@link NonceStore} in Redis, shared by every relying-party instance: claims are one atomic
 * `SET key 1 NX PX ttl`, so of any number of concurrent claims of a key exactly one succeeds, on any
 * instance; entries expire in Redis itself.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a prefix with spaces or control characters; the store's methods
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
  const client = createClient({
    url,
    // Commands fail at once while Redis is away rather than queueing behind a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries) => (retries >= 5 ? false : 50 * 2 ** retries),
    },
  })
  // Errors surface from the command that hit them; the client's error event must not crash the process.
  client.on('error', () => undefined)
  let connecting: Promise<unknown> | undefined
  const ready = async () => {
    connecting ??= client.connect().catch((cause: unknown) => {
      connecting = undefined
      throw cause
    })
    await connecting
    return client
  }
  const run = async <T>(command: (redis: typeof client) => Promise<T>): Promise<T> => {
    try {
      return await command(await ready())
    } catch (cause) {
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
      if (connecting !== undefined) await client.close().catch(() => undefined)
    },
  }
}
