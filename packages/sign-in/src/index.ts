/**
 * "Sign in with your wallet": the OpenID4VP 1.0 cross-device flow with SIOPv2 ID tokens and DCQL
 * queries. The relying party (`createSignInRelyingParty`) shows a QR code and verifies the answer;
 * the wallet side (`readSignInRequest`, `respondToSignIn`) checks the request and answers it.
 * Transactions and single-use answers live in a `NonceStore` (memory, or Redis at `./redis`).
 *
 * @module
 */
export { type CreateMemoryNonceStoreOptions, createMemoryNonceStore } from './createMemoryNonceStore.js'
export {
  type CreateSignInRelyingPartyOptions,
  createSignInRelyingParty,
  type SignInRelyingParty,
  type SignInStart,
} from './createSignInRelyingParty.js'
export type { FetchLike } from './internal/fetchOnce.js'
export { type DcqlCandidate, matchDcqlQuery } from './matchDcqlQuery.js'
export { type ReadSignInRequestOptions, readSignInRequest, type SignInRequest } from './readSignInRequest.js'
export {
  type RespondToSignInOptions,
  type RespondToSignInResult,
  respondToSignIn,
} from './respondToSignIn.js'
export type {
  DcqlClaimQuery,
  DcqlCredentialQuery,
  DcqlQuery,
  NonceStore,
  SignInExpectations,
  SignInReport,
  SignInResult,
  SignInStatus,
  SignInVerifier,
} from './types.js'
