import type { NonceStore } from '@civitas/sign-in'
import { afterEach, describe, expect, it } from 'vitest'

/** Makes a nonce store for one test; stores made with the same namespace share state. */
export type NonceStoreFactory = (options: { namespace: string }) => NonceStore | Promise<NonceStore>

/**
 * Declares a vitest suite that checks a `NonceStore` implementation (from `@civitas/sign-in`): values
 * are stored and read back, expire after their ttl, and a key can be claimed exactly once — also
 * under heavy concurrency and from two stores sharing state (two relying-party instances). Expiry is
 * checked against real time, with ttls of a few hundred milliseconds.
 *
 * @example
 * ```ts
 * import { createMemoryNonceStore } from '@civitas/sign-in'
 * import { describeNonceStoreConformance } from '@civitas/test-utils'
 *
 * describeNonceStoreConformance('memory', () => createMemoryNonceStore(), { shared: false })
 * ```
 */
export function describeNonceStoreConformance(
  name: string,
  factory: NonceStoreFactory,
  options: { shared: boolean },
): void {
  describe(`NonceStore conformance: ${name}`, () => {
    const opened: NonceStore[] = []
    const run = crypto.randomUUID()
    const make = async (namespace = 'default') => {
      const store = await factory({ namespace: `${run}:${namespace}` })
      opened.push(store)
      return store
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()))
    })

    it('behavior: a value is read back, and an absent key reads undefined', async () => {
      const store = await make()
      await store.set('tx:1', '{"nonce":"n"}', 60_000)
      expect(await store.get('tx:1')).toBe('{"nonce":"n"}')
      expect(await store.get('tx:2')).toBeUndefined()
      await store.set('tx:1', 'replaced', 60_000)
      expect(await store.get('tx:1')).toBe('replaced')
    })

    it('behavior: values and claims expire after their ttl', async () => {
      const store = await make()
      await store.set('short', 'v', 150)
      expect(await store.claim('claimed', 150)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(await store.get('short')).toBeUndefined()
      expect(await store.claim('claimed', 60_000)).toBe(true)
    })

    it('behavior: a key is claimed once; other keys are independent', async () => {
      const store = await make()
      expect(await store.claim('done:a', 60_000)).toBe(true)
      expect(await store.claim('done:a', 60_000)).toBe(false)
      expect(await store.claim('done:b', 60_000)).toBe(true)
    })

    it('behavior: of 500 concurrent claims of one key exactly one succeeds', async () => {
      const store = await make()
      const results = await Promise.all(Array.from({ length: 500 }, () => store.claim('done:race', 60_000)))
      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it.runIf(options.shared)(
      'behavior: two stores on the same namespace share values and claims',
      async () => {
        const [first, second] = [await make('shared'), await make('shared')]
        await first.set('tx:shared', 'v', 60_000)
        expect(await second.get('tx:shared')).toBe('v')
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, index) =>
            (index % 2 === 0 ? first : second).claim('done:shared', 60_000),
          ),
        )
        expect(results.filter(Boolean)).toHaveLength(1)
        const other = await make('other')
        expect(await other.get('tx:shared')).toBeUndefined()
      },
    )
  })
}
