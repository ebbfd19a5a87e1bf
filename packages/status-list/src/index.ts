/**
 * W3C Bitstring Status List for Civitas: create, encode and decode status lists, serve them over HTTP with
 * `ETag` and `Cache-Control`, and keep issuer-side index allocation, state and audit in a {@link StatusRegistry}.
 *
 * @example
 * ```ts
 * import { createStatusList, decodeStatusList } from '@civitas/status-list'
 *
 * const list = createStatusList()
 * list.set(94567, 1)
 * console.log(decodeStatusList(await list.encode()).get(94567)) // 1
 * ```
 *
 * @module
 */

export { type CheckStatusOptions, type CheckStatusResult, checkStatus } from './checkStatus.js'
export {
  type CreateMemoryStatusRegistryOptions,
  type CreateMemoryStatusRegistryResult,
  createMemoryStatusRegistry,
} from './createMemoryStatusRegistry.js'
export {
  type CreateStatusCheckerOptions,
  createStatusChecker,
  type StatusChecker,
  type StatusCheckOptions,
  type StatusCheckResult,
} from './createStatusChecker.js'
export {
  type CreateStatusListOptions,
  type CreateStatusListResult,
  createStatusList,
} from './createStatusList.js'
export {
  type CreateStatusListCredentialOptions,
  type CreateStatusListCredentialResult,
  createStatusListCredential,
} from './createStatusListCredential.js'
export {
  type CreateStatusListHandlerOptions,
  type CreateStatusListHandlerResult,
  createStatusListHandler,
  type StatusListDocument,
} from './createStatusListHandler.js'
export {
  type CreateStatusListPublisherOptions,
  createStatusListPublisher,
  type SignedStatusList,
  type StatusChange,
  type StatusListPublisher,
} from './createStatusListPublisher.js'
export {
  type DecodeStatusListOptions,
  type DecodeStatusListResult,
  decodeStatusList,
} from './decodeStatusList.js'
export type {
  AllocateStatusOptions,
  SetStatusOptions,
  StatusAllocation,
  StatusAuditEntry,
  StatusEntryRef,
  StatusList,
  StatusListSnapshot,
  StatusPurpose,
  StatusRegistry,
  StatusSize,
} from './types.js'
