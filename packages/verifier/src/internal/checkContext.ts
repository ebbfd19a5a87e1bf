import type {
  CredentialFormatModule,
  CredentialToken,
  TokenKind,
  VerifyCredentialOptions,
} from '@civitas/credentials'
import type { CheckExpectations, ReplayStore } from '../types.js'
import type { VerifierSetting } from './types.js'

/** One `check` call: the token and its format, what the check expects, and what it runs with. */
export interface CheckContext {
  token: CredentialToken
  /** The token's format; the default format when none recognises it (its parse check refuses it). */
  format: CredentialFormatModule
  /** What the token is checked as: the policy may read a credential as a presentation, to refuse it. */
  kind: TokenKind
  expectations: CheckExpectations
  setting: VerifierSetting
  /** The verifier's time and schema options, as verification takes them. */
  verification: Pick<VerifyCredentialOptions, 'clock' | 'clockSkewMs' | 'schemas'>
  /** The oldest presentation accepted, in milliseconds (the verifier's `maxPresentationAgeMs`). */
  maxPresentationAgeMs?: number
  /** Where accepted presentations are claimed, once each (the verifier's `replay`). */
  replay?: ReplayStore
}
