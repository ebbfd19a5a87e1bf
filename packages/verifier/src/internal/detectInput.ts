import { defaultCredentialFormat, detectCredentialFormat, readCredentialToken } from '@civitas/credentials'
import type { HolderBindingPolicy } from '../types.js'
import type { CheckContext } from './checkContext.js'

/**
 * Reads a check's input with the credential format table: the token (decoded at most once, for
 * detection and verification both), its format, and what it is checked as. Required holder binding
 * checks every input as a presentation: the policy decides, not the token. An input no format
 * recognises is checked (and refused) as a credential of the default format.
 */
export function detectInput(
  input: unknown,
  holderBinding: HolderBindingPolicy,
): Pick<CheckContext, 'token' | 'format' | 'kind'> {
  const token = readCredentialToken(input as string)
  const detected = detectCredentialFormat(token)
  return {
    token,
    format: detected?.module ?? defaultCredentialFormat,
    kind: holderBinding === 'required' ? 'presentation' : (detected?.kind ?? 'credential'),
  }
}
