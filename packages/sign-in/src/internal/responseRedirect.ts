import type { NonceStore } from '../types.js'
import { randomToken } from './randomToken.js'

/**
 * The response endpoint's answer to an accepted wallet response when the relying party has a page
 * to send the person back to (same-device flow, OpenID4VP 1.0 §8.2): `redirect_uri` with a fresh
 * `response_code` in its fragment. Only the browser the wallet sends there holds the code, and only
 * the code fetches the result (`resultForResponseCode`), so a result cannot be fixed onto another
 * person's page.
 */
export async function redirectAnswer(
  store: NonceStore,
  redirectUri: string,
  statusId: string,
  keepMs: number,
): Promise<{ redirect_uri: string }> {
  const responseCode = randomToken()
  await store.set(`code:${responseCode}`, statusId, keepMs)
  const url = new URL(redirectUri)
  url.hash = new URLSearchParams({ response_code: responseCode }).toString()
  return { redirect_uri: url.href }
}

/** The status id a response code was issued for, or `undefined` for an unknown or expired code. */
export function statusIdOfResponseCode(store: NonceStore, responseCode: string): Promise<string | undefined> {
  return store.get(`code:${responseCode}`)
}
