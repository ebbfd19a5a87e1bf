import { readTime } from '../../internal/timeOptions.js'
import type {
  VerifiedCredential,
  VerifiedPresentation,
  VerifyCredentialOptions,
  VerifyPresentationOptions,
} from '../../types.js'
import type { CredentialToken } from '../types.js'
import { verifySdJwtPresentation } from './verifySdJwtPresentation.js'
import { verifySdJwtVc } from './verifySdJwtVc.js'

/** `verifyCredential` for `dc+sd-jwt`: the clock read once, then {@link verifySdJwtVc}. */
export function verifySdJwtVcCredential(
  token: CredentialToken,
  options: VerifyCredentialOptions,
): Promise<VerifiedCredential> {
  const { now, skew } = readTime(options)
  return verifySdJwtVc(token.text, options, { now, clockSkewMs: skew }, 'credential')
}

/** `verifyPresentation` for `dc+sd-jwt`: the clock read once, then {@link verifySdJwtPresentation}. */
export function verifySdJwtVcPresentation(
  token: CredentialToken,
  options: VerifyPresentationOptions,
): Promise<VerifiedPresentation> {
  const { now, skew } = readTime(options)
  return verifySdJwtPresentation(token.text, options, { now, clockSkewMs: skew })
}
