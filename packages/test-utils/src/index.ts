/**
 * Conformance suites for Civitas plugin interfaces. Each `describe*Conformance` function declares a
 * vitest suite that any implementation (in this repository or outside it) runs against a factory of
 * fresh instances, so every implementation keeps the same contract.
 *
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { describeKeyStoreConformance } from '@civitas/test-utils'
 *
 * describeKeyStoreConformance('memory key store', () => createMemoryKeyStore())
 * ```
 *
 * @module
 */
export {
  type DescribeCredentialStoreConformanceOptions,
  describeCredentialStoreConformance,
} from './describeCredentialStoreConformance.js'
export {
  type DescribeKeyStoreConformanceOptions,
  describeKeyStoreConformance,
  type KeyStoreFactory,
} from './describeKeyStoreConformance.js'
export { describeNonceStoreConformance, type NonceStoreFactory } from './describeNonceStoreConformance.js'
export {
  type DescribeResolverConformanceOptions,
  describeResolverConformance,
} from './describeResolverConformance.js'
export {
  type DescribeStatusRegistryConformanceOptions,
  describeStatusRegistryConformance,
  type StatusRegistryFactory,
  type StatusRegistryFactoryOptions,
} from './describeStatusRegistryConformance.js'
export {
  type SourceScriptProcess,
  type SpawnSourceScriptOptions,
  spawnSourceScript,
} from './spawnSourceScript.js'
export type { StatusRegistryConformanceContext } from './types.js'
