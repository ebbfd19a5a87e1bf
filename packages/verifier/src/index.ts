/**
 * The verifier role: `createVerifier(...).check(token)` returns a report that lists every check
 * with a stable code and fails closed; `explainCode` and `formatReport` turn it into words.
 *
 * @module
 */
export {
  type CreateTrustBundleOptions,
  type CreateTrustBundleResult,
  createTrustBundle,
  type TrustBundleIssuerInput,
} from './createTrustBundle.js'
export { createVerifier, type Verifier } from './createVerifier.js'
export { explainCode } from './explainCode.js'
export { type FormatReportOptions, formatReport } from './formatReport.js'
export type {
  CheckExpectations,
  CreateVerifierOptions,
  HolderBindingPolicy,
  ReplayStore,
  Report,
  ReportCheck,
  ReportCheckName,
  TrustBundle,
  TrustBundleIssuer,
  TrustPolicy,
  VerifyTrustBundleOptions,
} from './types.js'
export { verifyTrustBundle } from './verifyTrustBundle.js'
