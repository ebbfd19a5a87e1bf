/**
 * A PostgreSQL {@link StatusRegistry} for `@civitas/status-list` (Node only, `pg` driver): several issuer
 * instances share index allocation, state and the audit trail, and a crash loses nothing committed.
 *
 * Install `pg` (and, for TypeScript, `@types/pg`) beside `@civitas/status-list` to use this entry point:
 * it is an optional peer dependency, so issuers with another registry and verifiers never install it.
 *
 * @example
 * ```ts
 * import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
 *
 * const registry = createPostgresStatusRegistry({ connectionString: 'postgres://issuer@127.0.0.1:5432/issuer' })
 * const { listId, index } = await registry.allocate({ purpose: 'revocation' })
 * console.log(listId, index)
 * await registry.close()
 * ```
 *
 * @module
 */
export type { StatusRegistry } from '../types.js'
export {
  type CreatePostgresStatusRegistryOptions,
  type CreatePostgresStatusRegistryResult,
  createPostgresStatusRegistry,
} from './createPostgresStatusRegistry.js'
