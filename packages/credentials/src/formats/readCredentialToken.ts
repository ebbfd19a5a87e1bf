import { type DecodedJws, decodeJws } from '@civitas/crypto'
import type { CredentialToken } from './types.js'

/**
 * Wraps a token for the format table (`credentialFormats`): its compact JWS is decoded on the
 * first call that asks, and kept for the next, so detection and verification parse a token once.
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
  // decodeJws depends on its limit only by whether the text fits: an outcome is kept per answer.
  let outcome: { fits: boolean; decoded: DecodedJws } | { fits: boolean; error: unknown } | undefined
  return {
    text,
    jws(maxLength) {
      const fits = typeof text !== 'string' || text.length <= maxLength
      if (outcome?.fits !== fits) {
        // A failure is kept too, so hostile input is decoded once, not once per format asking.
        try {
          outcome = { fits, decoded: decodeJws(text, { maxLength }) }
        } catch (error) {
          outcome = { fits, error }
        }
      }
      if ('error' in outcome) throw outcome.error
      return outcome.decoded
    },
  }
}
