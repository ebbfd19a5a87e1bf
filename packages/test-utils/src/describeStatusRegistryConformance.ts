import type { Clock } from '@civitas/core'
import type { StatusRegistry } from '@civitas/status-list'
import { afterEach, describe } from 'vitest'
import { defineStatusRegistryAllocationCases } from './internal/statusRegistryConformanceAllocation.js'
import { defineStatusRegistryStateCases } from './internal/statusRegistryConformanceState.js'
import type { StatusRegistryConformanceContext } from './types.js'

/** What the conformance suite asks a {@link StatusRegistryFactory} for. */
export interface StatusRegistryFactoryOptions {
  /** Entries per list (small, to exercise roll-over; the registry must accept lists this short). */
  listLength: number
  /** Clock for audit timestamps. */
  clock: Clock
  /** Registries made with the same namespace share durable state; different namespaces never do. */
  namespace: string
}

/** Makes a status registry for one test. */
export type StatusRegistryFactory = (
  options: StatusRegistryFactoryOptions,
) => StatusRegistry | Promise<StatusRegistry>

/** Options for {@link describeStatusRegistryConformance}. */
export interface DescribeStatusRegistryConformanceOptions {
  /** True when two registries made with the same namespace share state (a database); enables durability cases. */
  durable?: boolean
}

/**
 * Declares a vitest suite that checks a {@link StatusRegistry} implementation against the contract every Civitas
 * status registry keeps: indexes are unique, in range and drawn at random (never in sequence, for herd privacy);
 * lists roll over when full and purposes never share a list; state is read and written by list and index or by
 * credential id; every change is audited with who, when, the previous and the new value; unknown entries raise
 * `ERR_STATUS_ENTRY_NOT_FOUND` and bad input `ERR_INVALID_ARGUMENT`; concurrent allocations never collide; and,
 * for durable registries, state survives reopening.
 *
 * Call it at the top level of a test file. Every registry the factory makes is closed after its test.
 *
 * @example
 * ```ts
 * import { createMemoryStatusRegistry } from '@civitas/status-list'
 * import { describeStatusRegistryConformance } from '@civitas/test-utils'
 *
 * describeStatusRegistryConformance('memory', ({ listLength, clock }) =>
 *   createMemoryStatusRegistry({ listLength, clock, allowShortLists: true }),
 * )
 * ```
 */
export function describeStatusRegistryConformance(
  name: string,
  factory: StatusRegistryFactory,
  options: DescribeStatusRegistryConformanceOptions = {},
): void {
  describe(`StatusRegistry conformance: ${name}`, () => {
    const opened: StatusRegistry[] = []
    let counter = 0
    const run = Math.random().toString(36).slice(2, 8)
    const context: StatusRegistryConformanceContext = {
      durable: options.durable === true,
      async make(makeOptions = {}) {
        counter++
        const registry = await factory({
          listLength: makeOptions.listLength ?? 16,
          clock: makeOptions.clock ?? (() => Date.now()),
          namespace: makeOptions.namespace ?? `${run}_${counter}`,
        })
        opened.push(registry)
        return registry
      },
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((registry) => registry.close()))
    })
    defineStatusRegistryAllocationCases(context)
    defineStatusRegistryStateCases(context)
  })
}
