/**
 * Verifiable credentials and presentations: `vc+jwt` / `vp+jwt` (VC 2.0 secured with JOSE),
 * `jwt_vc_json` (the VC 1.1 JWT that did-jwt-vc and most wallets use) and `dc+sd-jwt` (SD-JWT VC
 * with selective disclosure and key binding). Templates with JSON Schemas are at
 * `@civitas/credentials/templates`.
 *
 * @module
 */
export {
  type CreatePresentationOptions,
  type CreatePresentationResult,
  createPresentation,
} from './createPresentation.js'
export {
  DEFAULT_SD_JWT_MAX_LENGTH,
  decodeSdJwt,
  MAX_DISCLOSURES,
} from './decodeSdJwt.js'
export {
  type IssueCredentialOptions,
  type IssueCredentialResult,
  issueCredential,
} from './issueCredential.js'
export type {
  CheckName,
  ClaimPath,
  CredentialFormat,
  CredentialStatusOptions,
  CredentialStatusPurpose,
  DecodedSdJwt,
  DecodeSdJwtOptions,
  Disclosure,
  OnCheck,
  VerifiedCredential,
  VerifiedPresentation,
  VerifyCredentialOptions,
  VerifyPresentationOptions,
} from './types.js'
export {
  DEFAULT_CREDENTIAL_MAX_LENGTH,
  verifyCredential,
} from './verifyCredential.js'
export {
  DEFAULT_PRESENTATION_MAX_LENGTH,
  verifyPresentation,
} from './verifyPresentation.js'
