import { credentialFormats } from './credentialFormats.js'
import type { CredentialFormatModule } from './types.js'

/**
 * The entry of {@link credentialFormats} for a format name (`'dc+sd-jwt'`), or `undefined` for a
 * name no format has.
 *
 * @example
 * ```ts
 * import { credentialFormatNamed } from '@civitas/credentials'
 *
 * const sdJwtVc = credentialFormatNamed('dc+sd-jwt')
 * console.log(sdJwtVc?.checks.presentation) // ['parse', 'credentials', 'keyBinding', …]
 * ```
 */
export function credentialFormatNamed(format: unknown): CredentialFormatModule | undefined {
  return credentialFormats.find((module) => module.format === format)
}
