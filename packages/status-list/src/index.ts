/**
 * Status lists for Civitas: W3C Bitstring Status List (for `vc+jwt` and `jwt_vc_json` credentials) and IETF
 * Token Status List (`statuslist+jwt`, for SD-JWT VCs). Create, encode and decode lists, sign and serve them
 * over HTTP with `ETag` and `Cache-Control`, check them with caching, and keep issuer-side index allocation,
 * state and audit in one {@link StatusRegistry} for both formats.
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

export { checkStatus } from './checkStatus.js'
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
  type StatusListFormat,
  type StatusListPublisher,
} from './createStatusListPublisher.js'
export {
  type CreateTokenStatusListOptions,
  type CreateTokenStatusListResult,
  createTokenStatusList,
} from './createTokenStatusList.js'
export { decodeStatusList } from './decodeStatusList.js'
export { decodeTokenStatusList } from './decodeTokenStatusList.js'
export {
  type IssueStatusListTokenOptions,
  type IssueStatusListTokenResult,
  issueStatusListToken,
  STATUS_LIST_TOKEN_TYP,
} from './issueStatusListToken.js'
export type {
  AllocateStatusOptions,
  CheckStatusOptions,
  CheckStatusResult,
  DecodeStatusListOptions,
  DecodeStatusListResult,
  DecodeTokenStatusListOptions,
  DecodeTokenStatusListResult,
  SetStatusOptions,
  StatusAllocation,
  StatusAuditEntry,
  StatusEntryRef,
  StatusList,
  StatusListSnapshot,
  StatusPurpose,
  StatusRegistry,
  StatusSize,
  TokenStatusList,
  TokenStatusListClaim,
  VerifyStatusListTokenOptions,
  VerifyStatusListTokenResult,
} from './types.js'
export { TOKEN_STATUS } from './types.js'
export { verifyStatusListToken } from './verifyStatusListToken.js'
