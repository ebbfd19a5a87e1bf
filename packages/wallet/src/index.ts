/**
 * The holder role: `createWallet` receives credentials (verify, then store), queries them and
 * presents them, and answers sign-in requests (`respond`); credential stores in memory here and in a file at `@civitas/wallet/file`.
 *
 * @module
 */
export { createMemoryCredentialStore } from './createMemoryCredentialStore.js'
export {
  type CreateWalletOptions,
  createWallet,
  type PresentOptions,
  type PresentResult,
  type ReceiveOptions,
  type Wallet,
} from './createWallet.js'
export type { RespondOptions, RespondResult, SignInApproval, SignInMatch } from './internal/respondTypes.js'
export type { CredentialFilter, CredentialRecord, CredentialStore } from './types.js'
