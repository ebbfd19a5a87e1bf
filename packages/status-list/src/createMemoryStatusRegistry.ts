import { CivitasError, type Clock, systemClock } from '@civitas/core'
import {
  checkFrom,
  checkListLength,
  checkPurpose,
  checkRef,
  checkSet,
  checkStatusSize,
  newListId,
  notFound,
  pickEntry,
  randomBelow,
} from './internal/registryArgs.js'
import type {
  StatusAllocation,
  StatusAuditEntry,
  StatusEntryRef,
  StatusPurpose,
  StatusRegistry,
  StatusSize,
} from './types.js'

/** Options of {@link createMemoryStatusRegistry}. */
export interface CreateMemoryStatusRegistryOptions {
  /** Entries per list; default 131,072 (the W3C minimum). */
  listLength?: number
  /** Allows lists shorter than 131,072 (tests of roll-over; such lists cannot be published). */
  allowShortLists?: boolean
  /** Clock for audit timestamps. */
  clock?: Clock
}

/** The registry {@link createMemoryStatusRegistry} returns. */
export type CreateMemoryStatusRegistryResult = StatusRegistry

interface MemoryList {
  listId: string
  purpose: StatusPurpose
  statusSize: StatusSize
  free: Uint32Array
  freeCount: number
  values: Map<number, { value: number; credentialId?: string }>
  updatedAt: number
}

/**
 * Creates a {@link StatusRegistry} held in memory (tests, single-process issuers that rebuild state elsewhere).
 * Indexes are drawn uniformly at random from the unused ones, never in sequence.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/
 * @throws ERR_INVALID_ARGUMENT for a bad list length
 * @example
 * ```ts
 * import { createMemoryStatusRegistry } from '@civitas/status-list'
 *
 * const registry = createMemoryStatusRegistry()
 * const entry = await registry.allocate({ purpose: 'revocation', credentialId: 'urn:uuid:1' })
 * await registry.setStatus({ credentialId: 'urn:uuid:1' }, { value: 1, actor: 'clerk@city' })
 * console.log(entry.index, await registry.getStatus(entry)) // random index, 1
 * ```
 */
export function createMemoryStatusRegistry(
  options: CreateMemoryStatusRegistryOptions = {},
): CreateMemoryStatusRegistryResult {
  const listLength = checkListLength(options.listLength, options.allowShortLists)
  const clock = options.clock ?? systemClock
  const lists = new Map<string, MemoryList>()
  const open = new Map<string, MemoryList>()
  const byCredential = new Map<string, StatusAllocation[]>()
  const trail: StatusAuditEntry[] = []

  function openList(purpose: StatusPurpose, statusSize: StatusSize): MemoryList {
    const key = `${purpose}/${statusSize}`
    const current = open.get(key)
    if (current !== undefined && current.freeCount > 0) return current
    const free = new Uint32Array(listLength)
    for (let i = 0; i < listLength; i++) free[i] = i
    const list: MemoryList = {
      listId: newListId(),
      purpose,
      statusSize,
      free,
      freeCount: listLength,
      values: new Map(),
      updatedAt: clock(),
    }
    lists.set(list.listId, list)
    open.set(key, list)
    return list
  }

  function locate(ref: StatusEntryRef): { list: MemoryList; allocation: StatusAllocation } {
    checkRef(ref)
    const allocation =
      'credentialId' in ref
        ? pickEntry(ref, byCredential.get(ref.credentialId) ?? [])
        : (() => {
            const list = lists.get(ref.listId)
            const entry = list?.values.get(ref.index)
            if (list === undefined || entry === undefined) return undefined
            const found: StatusAllocation = { listId: list.listId, index: ref.index, purpose: list.purpose }
            if (entry.credentialId !== undefined) found.credentialId = entry.credentialId
            return found
          })()
    const list = allocation === undefined ? undefined : lists.get(allocation.listId)
    if (allocation === undefined || list === undefined) throw notFound(ref)
    return { list, allocation }
  }

  return {
    async allocate(allocateOptions) {
      const purpose = checkPurpose(allocateOptions?.purpose)
      const credentialId = allocateOptions.credentialId
      if (credentialId !== undefined && (typeof credentialId !== 'string' || credentialId === '')) {
        throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentialId: expected a non-empty string')
      }
      const statusSize = checkStatusSize(allocateOptions.statusSize)
      const held = credentialId === undefined ? [] : (byCredential.get(credentialId) ?? [])
      // Allocating again for a credential's purpose returns its entry: an issuance retried after a failure.
      const existing = held.find((entry) => entry.purpose === purpose)
      if (existing !== undefined) {
        if (lists.get(existing.listId)?.statusSize !== statusSize) {
          throw new CivitasError(
            'ERR_INVALID_ARGUMENT',
            `credentialId: already has a ${purpose} entry of another status size`,
            { details: { credentialId, purpose } },
          )
        }
        return { ...existing }
      }
      const list = openList(purpose, statusSize)
      const slot = randomBelow(list.freeCount)
      const index = list.free[slot] ?? 0
      list.freeCount--
      list.free[slot] = list.free[list.freeCount] ?? 0
      const allocation: StatusAllocation = { listId: list.listId, index, purpose }
      list.values.set(index, credentialId === undefined ? { value: 0 } : { value: 0, credentialId })
      if (credentialId !== undefined) {
        allocation.credentialId = credentialId
        byCredential.set(credentialId, [...held, allocation])
      }
      return { ...allocation }
    },
    async findEntry(ref) {
      return { ...locate(ref).allocation }
    },
    async getStatus(ref) {
      const { list, allocation } = locate(ref)
      return list.values.get(allocation.index)?.value ?? 0
    },
    async setStatus(ref, setOptions) {
      const { list, allocation } = locate(ref)
      checkSet(setOptions, list.statusSize)
      const entry = list.values.get(allocation.index) ?? { value: 0 }
      checkFrom(setOptions, entry.value)
      const record: StatusAuditEntry = {
        listId: list.listId,
        index: allocation.index,
        actor: setOptions.actor,
        previous: entry.value,
        value: setOptions.value,
        at: clock(),
      }
      if (allocation.credentialId !== undefined) record.credentialId = allocation.credentialId
      if (setOptions.reason !== undefined) record.reason = setOptions.reason
      entry.value = setOptions.value
      list.updatedAt = record.at
      trail.push(record)
      return { ...record }
    },
    async getList(listId) {
      const list = lists.get(listId)
      if (list === undefined) return undefined
      const entries = [...list.values]
        .filter(([, e]) => e.value !== 0)
        .map(([index, e]) => ({ index, value: e.value }))
        .sort((a, b) => a.index - b.index)
      return {
        listId,
        purpose: list.purpose,
        length: listLength,
        statusSize: list.statusSize,
        entries,
        updatedAt: list.updatedAt,
      }
    },
    async listIds() {
      return [...lists.keys()]
    },
    async audit(ref) {
      if (ref === undefined) return trail.map((r) => ({ ...r }))
      const { allocation } = locate(ref)
      return trail
        .filter((r) => r.listId === allocation.listId && r.index === allocation.index)
        .map((r) => ({ ...r }))
    },
    async close() {},
  }
}
