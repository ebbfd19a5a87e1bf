import { credentialFormatNamed } from './credentialFormatNamed.js'
import { defaultCredentialFormat } from './credentialFormats.js'
import { detectCredentialFormat } from './detectCredentialFormat.js'
import type { CredentialFormatModule, CredentialToken } from './types.js'

/**
 * The format whose verification checks `token`: the one that recognises it, else the one the caller
 * expects (`expected`), else the default, whose parse check then refuses the input with its code.
 * A recognised format other than the expected one fails its own parse check for the mismatch.
 */
export function formatToVerify(token: CredentialToken, expected: unknown): CredentialFormatModule {
  return detectCredentialFormat(token)?.module ?? credentialFormatNamed(expected) ?? defaultCredentialFormat
}
