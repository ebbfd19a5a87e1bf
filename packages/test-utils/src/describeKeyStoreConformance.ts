import type { KeyStore } from '@civitas/crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineKeyStoreAlgorithmCases } from './internal/keyStoreConformanceAlgorithms.js'
import { defineKeyStoreErrorCases } from './internal/keyStoreConformanceErrors.js'
import { defineKeyStoreLifecycleCases } from './internal/keyStoreConformanceLifecycle.js'

/** Makes a fresh, empty key store for one test. */
export type KeyStoreFactory = () => KeyStore | Promise<KeyStore>

/** Options for {@link describeKeyStoreConformance}. */
export interface DescribeKeyStoreConformanceOptions {
  /** Called after each test with the store the factory made, e.g. to close it and remove its files. */
  dispose?: (keyStore: KeyStore) => void | Promise<void>
  /**
   * `false` for a store whose private keys never leave it (non-extractable WebCrypto keys, a KMS):
   * `exportPrivateKey` must then fail with `ERR_KEY_NOT_EXPORTABLE` for every key it holds, and the
   * cases that export check the key by its signatures instead. Default `true`.
   */
  exportable?: boolean
}

/**
 * Declares a vitest suite that checks a {@link KeyStore} implementation against the contract every
 * Civitas key store keeps: declared algorithms are the ones that work and the others are refused with
 * `ERR_ALGORITHM_UNSUPPORTED`; ids default to the RFC 7638 thumbprint; signatures verify with
 * `verifySignature` against the reported public JWK; `ERR_KEY_EXISTS`, `ERR_KEY_NOT_FOUND` and
 * `ERR_JWK_INVALID` are raised where due; delete and export behave (or export is refused with
 * `ERR_KEY_NOT_EXPORTABLE` by a store declared non-exportable); private material never appears in
 * `getKey` or `listKeys`; callers only ever get copies; concurrent changes are all kept.
 *
 * Call it at the top level of a test file. `factory` runs before each test and must return an empty store.
 *
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { describeKeyStoreConformance } from '@civitas/test-utils'
 *
 * describeKeyStoreConformance('memory key store', () => createMemoryKeyStore())
 * ```
 */
export function describeKeyStoreConformance(
  name: string,
  factory: KeyStoreFactory,
  options: DescribeKeyStoreConformanceOptions = {},
): void {
  describe(`KeyStore conformance: ${name}`, () => {
    let store: KeyStore | undefined
    const getStore = (): KeyStore => {
      if (store === undefined) throw new Error('the key store factory did not run')
      return store
    }

    beforeEach(async () => {
      store = await factory()
    })

    afterEach(async () => {
      if (store !== undefined) await options.dispose?.(store)
      store = undefined
    })

    it('behavior: declares a non-empty list of distinct supported algorithms', () => {
      const { algorithms } = getStore()
      expect(Array.isArray(algorithms)).toBe(true)
      expect(algorithms.length).toBeGreaterThan(0)
      expect(new Set(algorithms).size).toBe(algorithms.length)
      for (const alg of algorithms) expect(['EdDSA', 'ES256', 'ES256K']).toContain(alg)
    })

    it('behavior: a new store is empty', async () => {
      expect(await getStore().listKeys()).toEqual([])
    })

    const exportable = options.exportable ?? true
    defineKeyStoreAlgorithmCases(getStore, exportable)
    defineKeyStoreLifecycleCases(getStore, exportable)
    defineKeyStoreErrorCases(getStore)
  })
}
