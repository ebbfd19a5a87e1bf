import { encodeBase64url } from '@civitas/core'

/** 256 random bits, base64url: nonces, states and transaction ids (OpenID4VP asks for at least 128). */
export function randomToken(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(32)))
}
