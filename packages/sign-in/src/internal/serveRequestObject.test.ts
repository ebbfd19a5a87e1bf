import { createMemoryKeyStore, decodeJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { parseClientId } from './clientId.js'
import { serveRequestObject } from './serveRequestObject.js'
import { verifyDidSignedJwt } from './verifyDidSignedJwt.js'
import type { Transaction } from './verifySignInResponse.js'

const responseUri = 'https://portal.city.example/sign-in/response'
const transaction: Transaction = {
  requestId: 'r1',
  statusId: 's1',
  nonce: 'n1',
  state: 'st1',
  query: { credentials: [{ id: 'residency', format: 'vc+jwt' }] },
  expiresAt: 60_000,
}
const unsigned = { clientId: parseClientId(`redirect_uri:${responseUri}`), responseUri, idToken: false }

describe('serveRequestObject', () => {
  it("behavior: a live transaction's request object carries its nonce, state and query, never cached", async () => {
    const answer = await serveRequestObject(transaction, unsigned, 30_000)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/oauth-authz-req+jwt')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const { header, payload } = decodeJws(await answer.text())
    expect(header).toMatchObject({ alg: 'none', typ: 'oauth-authz-req+jwt' })
    expect(payload).toMatchObject({
      client_id: `redirect_uri:${responseUri}`,
      response_type: 'vp_token',
      nonce: 'n1',
      state: 'st1',
      dcql_query: transaction.query,
      iat: 30,
      exp: 60,
    })
  })

  it("behavior: with an identity the request object is signed by the relying party's key", async () => {
    const identity = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'EdDSA' })
    const settings = {
      clientId: parseClientId(`decentralized_identifier:${identity.did}`),
      identity,
      responseUri,
      idToken: true,
    }
    const token = await (await serveRequestObject(transaction, settings, 0)).text()
    expect(decodeJws(token).header.kid).toBe(identity.kid)
    const claims = await verifyDidSignedJwt({
      token,
      did: identity.did,
      typ: 'oauth-authz-req+jwt',
      resolver: createResolver(),
      maxLength: 65_536,
      mismatch: 'ERR_REQUEST_INVALID',
    })
    expect(claims).toMatchObject({ iss: identity.did, response_type: 'vp_token id_token', scope: 'openid' })
  })

  it.each([
    ['an unknown transaction', undefined, 0],
    ['an expired transaction', transaction, 60_000],
  ])('error: %s is a 404 invalid_request', async (_, known, now) => {
    const answer = await serveRequestObject(known, unsigned, now)
    expect(answer.status).toBe(404)
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' })
  })
})
