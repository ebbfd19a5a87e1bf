import { type DecodedJws, decodeJws } from '@civitas/crypto'
import type { credentialFormats } from './credentialFormats.js'
import type { CredentialToken } from './types.js'

/**
 * Wraps a token for the format table ({@link credentialFormats}): its compact JWS is decoded on the
 * first call that asks, and the outcome kept for the next, so detection and verification parse a
 * token once.
 *
 * @example
 * ```ts
 * import { detectCredentialFormat, readCredentialToken } from '@civitas/credentials'
 *
 * declare const scanned: string
 * console.log(detectCredentialFormat(readCredentialToken(scanned))?.kind) // 'credential' | 'presentation' | undefined
 * ```
 */
export function readCredentialToken(text: string): CredentialToken {
  let outcome: { decoded: DecodedJws } | { error: unknown } | undefined
  // Anything but a string is refused by decodeJws with its own code, like an empty token.
  const length = typeof text === 'string' ? text.length : 0
  return {
    text,
    jws(maxLength) {
      // The kept outcome answers only a limit the text fits; over it, decodeJws refuses it by size.
      if (outcome === undefined || length > maxLength) {
        try {
          outcome = { decoded: decodeJws(text, { maxLength }) }
        } catch (error) {
          if (length <= maxLength) outcome = { error }
          throw error
        }
      }
      if ('error' in outcome) throw outcome.error
      return outcome.decoded
    },
  }
}
