import { encodeBase64url, encodeUtf8, type JsonObject } from '@civitas/core'
import { credentialFormats } from '@civitas/credentials'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import type { DcqlQuery } from '../types.js'
import type { ClientId } from './clientId.js'

/** The request object's media type and `typ` (OpenID4VP 1.0 §5, RFC 9101). */
export const REQUEST_OBJECT_TYP = 'oauth-authz-req+jwt'

/**
 * Builds the request object a wallet fetches from `request_uri`: signed by the relying party's DID
 * for `decentralized_identifier:` client ids, unsigned (`alg: none`) for `redirect_uri:` ones.
 */
export async function buildRequestObject(options: {
  clientId: ClientId
  identity?: Identity
  responseUri: string
  nonce: string
  state: string
  query: DcqlQuery
  /** Ask for a SIOPv2 ID token too (`vp_token id_token`), or for presentations only (`vp_token`). */
  idToken: boolean
  issuedAt: number
  expiresAt: number
}): Promise<string> {
  const { clientId, identity } = options
  const claims: JsonObject = {
    // The issuer is the principal whose key signs: the DID itself, so that `kid` (a DID URL of it)
    // starts with `iss`, as wallets that pair the two (e.g. the OpenWallet Foundation's) require.
    iss: clientId.prefix === 'decentralized_identifier' ? clientId.did : clientId.value,
    aud: 'https://self-issued.me/v2',
    client_id: clientId.value,
    response_type: options.idToken ? 'vp_token id_token' : 'vp_token',
    ...(options.idToken ? { scope: 'openid' } : {}),
    response_mode: 'direct_post',
    response_uri: options.responseUri,
    nonce: options.nonce,
    state: options.state,
    dcql_query: options.query as unknown as JsonObject,
    client_metadata: {
      vp_formats_supported: Object.fromEntries(
        credentialFormats.map(({ format, dcql }) => [format, dcql.vpFormat]),
      ),
      ...(options.idToken
        ? {
            subject_syntax_types_supported: ['did:key', 'did:jwk', 'did:web', 'did:ethr'],
            id_token_signing_alg_values_supported: ['EdDSA', 'ES256', 'ES256K'],
          }
        : {}),
    },
    iat: Math.floor(options.issuedAt / 1000),
    exp: Math.floor(options.expiresAt / 1000),
  }
  if (clientId.prefix === 'decentralized_identifier' && identity !== undefined) {
    return signJws({
      header: { typ: REQUEST_OBJECT_TYP, kid: identity.kid },
      payload: claims,
      signer: identity.signer,
    })
  }
  const part = (value: JsonObject) => encodeBase64url(encodeUtf8(JSON.stringify(value)))
  return `${part({ alg: 'none', typ: REQUEST_OBJECT_TYP })}.${part(claims)}.`
}
