import type { Clock } from '@civitas/core'
import type { StatusRegistry } from '@civitas/status-list'

/** Test-case context shared by the suite's parts. */
export interface StatusRegistryConformanceContext {
  make(options?: { listLength?: number; namespace?: string; clock?: Clock }): Promise<StatusRegistry>
  durable: boolean
}
