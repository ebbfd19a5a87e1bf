import { credentialFormats, type defaultCredentialFormat } from './credentialFormats.js'
import type { CredentialFormatModule, CredentialToken, TokenKind } from './types.js'

/** A token's format and kind, as the first format in the table that recognises it says. */
export interface DetectedCredentialFormat {
  module: CredentialFormatModule
  kind: TokenKind
}

/**
 * The format of a token and what it holds: the first entry of {@link credentialFormats} whose
 * `detect` recognises it, or `undefined` when none does (verification then refuses the input with
 * the parse error of {@link defaultCredentialFormat}). Verifies nothing and never throws; a JWT's
 * decoding is kept in `token` for the verification that follows.
 *
 * @example
 * ```ts
 * import { defaultCredentialFormat, detectCredentialFormat, readCredentialToken } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const scanned: string
 * const token = readCredentialToken(scanned)
 * const detected = detectCredentialFormat(token)
 * const module = detected?.module ?? defaultCredentialFormat
 * const verified = await module.verifyCredential(token, { resolver: createResolver() })
 * ```
 */
export function detectCredentialFormat(token: CredentialToken): DetectedCredentialFormat | undefined {
  for (const module of credentialFormats) {
    const kind = module.detect(token)
    if (kind !== undefined) return { module, kind }
  }
  return undefined
}
