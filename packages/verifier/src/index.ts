/**
 * The verifier role: `createVerifier(...).check(token)` returns a report that lists every check
 * with a stable code and fails closed; `explainCode` and `formatReport` turn it into words.
 *
 * @module
 */
export { createVerifier, type Verifier } from './createVerifier.js'
export { explainCode } from './explainCode.js'
export { formatReport } from './formatReport.js'
export type {
  CheckExpectations,
  CreateVerifierOptions,
  Report,
  ReportCheck,
  ReportCheckName,
  TrustPolicy,
} from './types.js'
