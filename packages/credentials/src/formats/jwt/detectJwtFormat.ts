import { CivitasError, type JsonObject } from '@civitas/core'
import type { CredentialFormat } from '../../types.js'
import type { TokenKind } from '../types.js'

/** What a JWT's `typ` and claims declare it to be; `malformed` says why it cannot be that. */
export interface JwtClassification {
  format: Extract<CredentialFormat, 'vc+jwt' | 'jwt_vc_json'>
  kind: TokenKind
  malformed?: string
}

/**
 * What a JWT declares itself to be, without judging it: `vc+jwt` / `vp+jwt` by `typ`, or a VC 1.1
 * JWT (`typ` `JWT` or absent) by its `vc` or `vp` claim; `undefined` for another `typ`.
 */
export function classifyJwt(header: JsonObject, payload: JsonObject): JwtClassification | undefined {
  const { typ } = header
  if (typ === 'vc+jwt' || typ === 'vp+jwt') {
    const kind = typ === 'vc+jwt' ? 'credential' : 'presentation'
    return 'vc' in payload || 'vp' in payload
      ? { format: 'vc+jwt', kind, malformed: `a ${typ} token must not carry vc or vp claims` }
      : { format: 'vc+jwt', kind }
  }
  if (typ !== undefined && typ !== 'JWT') return undefined
  const kind = 'vc' in payload && !('vp' in payload) ? 'credential' : 'presentation'
  const name = kind === 'credential' ? 'vc' : 'vp'
  const claim = payload[name]
  const malformed =
    'vc' in payload && 'vp' in payload
      ? 'a token cannot carry both vc and vp claims'
      : typeof claim !== 'object' || claim === null || Array.isArray(claim)
        ? `expected a ${name} claim`
        : undefined
  return malformed === undefined
    ? { format: 'jwt_vc_json', kind }
    : { format: 'jwt_vc_json', kind, malformed }
}

/**
 * Tells which encoding a token uses from its `typ` and claims, so that one kind of token can never
 * pass as another (RFC 8725 §3.11): `vc+jwt` / `vp+jwt` with no `vc` / `vp` claim, or a VC 1.1 JWT
 * (`typ` `JWT` or absent) with a `vc` / `vp` object.
 *
 * @throws `ERR_PRESENTATION_REQUIRED` for a credential (`vc+jwt`, or a `vc` claim alone) where a
 *   presentation is expected; `ERR_TOKEN_TYPE_INVALID` for any other mismatch.
 */
export function detectJwtFormat(
  header: JsonObject,
  payload: JsonObject,
  kind: TokenKind,
  expected?: CredentialFormat,
): CredentialFormat {
  const found = classifyJwt(header, payload)
  if (kind === 'presentation' && found?.kind === 'credential') {
    throw new CivitasError(
      'ERR_PRESENTATION_REQUIRED',
      'a credential on its own is not a presentation: the holder must present it',
    )
  }
  if (found === undefined) invalid(`typ ${String(header.typ).slice(0, 32)} is not a ${kind}`)
  if (found.kind !== kind) invalid(`a ${found.kind} is not a ${kind}`)
  if (found.malformed !== undefined) invalid(found.malformed)
  if (expected !== undefined && expected !== found.format) {
    invalid(`expected ${expected}, received ${found.format}`)
  }
  return found.format
}

function invalid(message: string): never {
  throw new CivitasError('ERR_TOKEN_TYPE_INVALID', message)
}
