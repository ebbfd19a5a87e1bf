import type { Identity } from '@civitas/did'
import { buildRequestObject, REQUEST_OBJECT_TYP } from './buildRequestObject.js'
import type { ClientId } from './clientId.js'
import { jsonAnswer } from './signInAnswers.js'
import type { Transaction } from './verifySignInResponse.js'

/** What every request object of a relying party says besides its transaction. */
export interface RequestObjectSettings {
  clientId: ClientId
  identity?: Identity
  responseUri: string
  idToken: boolean
}

/**
 * Answers `GET <base>/request/:id`: the transaction's request object (signed when the relying
 * party has an identity), never cached; a 404 `invalid_request` for an unknown or expired one.
 *
 * @throws the signing key's codes.
 */
export async function serveRequestObject(
  transaction: Transaction | undefined,
  settings: RequestObjectSettings,
  now: number,
): Promise<Response> {
  if (transaction === undefined || now >= transaction.expiresAt) {
    return jsonAnswer(404, {
      error: 'invalid_request',
      error_description: 'unknown or expired sign-in request',
    })
  }
  const token = await buildRequestObject({
    ...settings,
    nonce: transaction.nonce,
    state: transaction.state,
    query: transaction.query,
    issuedAt: now,
    expiresAt: transaction.expiresAt,
  })
  return new Response(token, {
    headers: { 'content-type': `application/${REQUEST_OBJECT_TYP}`, 'cache-control': 'no-store' },
  })
}
