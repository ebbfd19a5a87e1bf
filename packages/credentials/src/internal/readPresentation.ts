import { CivitasError, type JsonObject, type JsonValue } from '@civitas/core'
import type { CredentialFormat } from '../types.js'
import { copyJwtTimes, type JwtTimes } from './copyJwtTimes.js'
import { idOf } from './readCredential.js'

const ENVELOPE_PREFIX = 'data:application/vc+jwt,'
/** More credentials than this in one presentation is hostile, not useful. */
export const MAX_PRESENTED_CREDENTIALS = 16

/** The parts of a presentation verification needs, in one shape for both encodings. */
export interface PresentationClaims extends JwtTimes {
  holder: string
  credentials: string[]
  audience: string[]
  nonce?: string
}

/**
 * Reads a presentation's holder, embedded credential tokens, `aud`, `nonce`, `iat` and `exp`.
 *
 * @throws `ERR_PRESENTATION_INVALID`; `ERR_HOLDER_MISMATCH` when `iss` and `holder` differ;
 *   `ERR_TOKEN_TYPE_INVALID` for an SD-JWT among the credentials; `ERR_TOKEN_TIME_OUT_OF_RANGE`.
 */
export function readPresentation(format: CredentialFormat, payload: JsonObject): PresentationClaims {
  const body = format === 'vc+jwt' ? payload : (payload.vp as JsonObject)
  const holder = format === 'vc+jwt' ? idOf(body.holder, 'holder') : stringClaim(payload.iss, 'iss')
  if (payload.iss !== undefined && payload.iss !== holder) {
    throw new CivitasError('ERR_HOLDER_MISMATCH', 'iss and the presentation holder differ')
  }
  const listed = body.verifiableCredential
  const entries = listed === undefined ? [] : Array.isArray(listed) ? listed : [listed]
  if (entries.length > MAX_PRESENTED_CREDENTIALS)
    invalid(`more than ${MAX_PRESENTED_CREDENTIALS} credentials`)
  const aud = payload.aud
  const audience = aud === undefined ? [] : Array.isArray(aud) ? aud : [aud]
  if (!audience.every((value) => typeof value === 'string'))
    invalid('aud must be a string or an array of strings')
  const nonce = payload.nonce
  if (nonce !== undefined && typeof nonce !== 'string') invalid('nonce must be a string')
  const claims: PresentationClaims = {
    holder,
    credentials: entries.map((entry) => credentialToken(format, entry)),
    audience: audience as string[],
  }
  if (nonce !== undefined) claims.nonce = nonce
  copyJwtTimes(payload, claims, invalid)
  return claims
}

function credentialToken(format: CredentialFormat, entry: JsonValue): string {
  const token = format === 'jwt_vc_json' ? stringClaim(entry, 'verifiableCredential entry') : envelope(entry)
  // An SD-JWT proves its holder with its own key-binding JWT over the disclosures it shows, which
  // a presentation's signature cannot stand in for: it is presented alone, as SD-JWT+KB.
  if (token.includes('~')) {
    throw new CivitasError(
      'ERR_TOKEN_TYPE_INVALID',
      'an SD-JWT VC cannot be embedded in a presentation; present it on its own with its key-binding JWT',
    )
  }
  return token
}

/** The compact JWS inside an `EnvelopedVerifiableCredential` labelled `application/vc+jwt`. */
function envelope(entry: JsonValue): string {
  if (
    typeof entry !== 'object' ||
    entry === null ||
    Array.isArray(entry) ||
    entry.type !== 'EnvelopedVerifiableCredential'
  ) {
    invalid('vp+jwt credentials must be EnvelopedVerifiableCredential objects')
  }
  const id = entry.id
  if (typeof id !== 'string' || !id.startsWith(ENVELOPE_PREFIX))
    invalid(`enveloped credentials must be ${ENVELOPE_PREFIX} URLs`)
  return id.slice(ENVELOPE_PREFIX.length)
}

function stringClaim(value: JsonValue | undefined, name: string): string {
  if (typeof value !== 'string' || value.length === 0) invalid(`${name} must be a non-empty string`)
  return value
}

function invalid(message: string): never {
  throw new CivitasError('ERR_PRESENTATION_INVALID', message)
}
