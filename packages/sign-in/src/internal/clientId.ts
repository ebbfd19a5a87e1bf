import { CivitasError } from '@civitas/core'

/** A client id with a prefix Civitas supports (OpenID4VP 1.0 §5.9). */
export type ClientId =
  | { prefix: 'decentralized_identifier'; did: string; value: string }
  | { prefix: 'redirect_uri'; responseUri: string; value: string }

/**
 * Reads a client id: `decentralized_identifier:<did>` (request objects signed by a key of that DID)
 * or `redirect_uri:<response URI>` (unsigned requests). `origin:` and everything else is refused.
 *
 * @throws `ERR_REQUEST_INVALID`.
 */
export function parseClientId(value: unknown): ClientId {
  if (typeof value === 'string' && value.length <= 2048) {
    if (value.startsWith('decentralized_identifier:did:')) {
      return {
        prefix: 'decentralized_identifier',
        did: value.slice('decentralized_identifier:'.length),
        value,
      }
    }
    if (value.startsWith('redirect_uri:')) {
      return { prefix: 'redirect_uri', responseUri: value.slice('redirect_uri:'.length), value }
    }
  }
  throw new CivitasError(
    'ERR_REQUEST_INVALID',
    'client_id: expected a decentralized_identifier: or redirect_uri: client id (origin: and others are refused)',
    { details: { clientId: String(value).slice(0, 200) } },
  )
}
