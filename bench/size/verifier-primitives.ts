// The same path from the primitives alone: resolve, verify one credential, check its status.
export { verifyCredential } from '@civitas/credentials'
export { createResolver } from '@civitas/did'
export { createStatusChecker } from '@civitas/status-list'
