import type { ResolverRegistry } from 'did-resolver'
import { didJwkDocument } from '../internal/didJwkDocument.js'
import { staticResolver } from '../internal/staticResolver.js'

/**
 * The did:jwk method for `createResolver` or any did-resolver `Resolver`. Private key material,
 * bad encodings, unsupported keys and identifiers over about 2 KB resolve to an error.
 *
 * @see https://github.com/quartzjer/did-jwk/blob/main/spec.md
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { didJwkResolver } from '@civitas/did/jwk'
 *
 * // createResolver knows did:jwk already; the registry plugs into any did-resolver `Resolver` alike.
 * const resolver = createResolver({ resolvers: [didJwkResolver()], cache: false })
 * const { didDocument } = await resolver.resolve(
 *   'did:jwk:eyJjcnYiOiJFZDI1NTE5Iiwia3R5IjoiT0tQIiwieCI6IjExcVlBWUt4Q3JmVlNfN1R5V1FIT2c3aGN2UGFwaU1scndJYWFQY0hVUm8ifQ',
 * )
 * ```
 */
export function didJwkResolver(): ResolverRegistry {
  return { jwk: staticResolver('jwk', didJwkDocument) }
}
