import type { Resolvable } from '@civitas/did'
import { describe, expect, it } from 'vitest'

/** Options for {@link describeResolverConformance}. */
export interface DescribeResolverConformanceOptions {
  /** DIDs the resolver must resolve, each to a document whose `id` is the DID. */
  resolvable: readonly string[]
  /** DIDs of a method the resolver handles that are malformed: each must give `invalidDid`-like errors. */
  invalid?: readonly string[]
}

const RESOLUTION_ERRORS = new Set([
  'invalidDid',
  'invalidDidUrl',
  'invalidPublicKey',
  'invalidPublicKeyLength',
  'invalidPublicKeyType',
  'unsupportedPublicKeyType',
  'notFound',
])

/**
 * Declares a vitest suite that any did-resolver-compatible resolver runs: documents for resolvable
 * DIDs, spec-shaped errors (never exceptions) for invalid ones and for unknown methods, and
 * fragments and query parameters ignored when picking the document.
 *
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { describeResolverConformance } from '@civitas/test-utils'
 *
 * describeResolverConformance('default resolver', () => createResolver(), {
 *   resolvable: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
 * })
 * ```
 */
export function describeResolverConformance(
  name: string,
  factory: () => Resolvable | Promise<Resolvable>,
  options: DescribeResolverConformanceOptions,
): void {
  describe(`Resolver conformance: ${name}`, () => {
    for (const did of options.resolvable) {
      it(`behavior: resolves ${did.slice(0, 40)} to a document with that id`, async () => {
        const resolver = await factory()
        const result = await resolver.resolve(did)
        expect(result.didResolutionMetadata.error).toBeUndefined()
        expect(result.didDocument?.id).toBe(did)
      })

      it(`behavior: a DID URL with a fragment resolves the same document (${did.slice(0, 24)})`, async () => {
        const resolver = await factory()
        const result = await resolver.resolve(`${did}#key-1`)
        expect(result.didDocument?.id).toBe(did)
      })
    }

    for (const did of options.invalid ?? []) {
      it(`error: ${did.slice(0, 40)} resolves to a resolution error, not an exception`, async () => {
        const resolver = await factory()
        const result = await resolver.resolve(did)
        expect(RESOLUTION_ERRORS.has(String(result.didResolutionMetadata.error))).toBe(true)
        expect(result.didDocument ?? null).toBeNull()
      })
    }

    it('error: an unknown method resolves to an unsupported-method error', async () => {
      const resolver = await factory()
      const result = await resolver.resolve('did:civitasunknown:123')
      expect(String(result.didResolutionMetadata.error)).toMatch(
        /^(unsupportedDidMethod|methodNotSupported)$/,
      )
    })

    it('error: a string that is not a DID resolves to invalidDid', async () => {
      const resolver = await factory()
      const result = await resolver.resolve('not a did')
      expect(result.didResolutionMetadata.error).toBe('invalidDid')
    })
  })
}
