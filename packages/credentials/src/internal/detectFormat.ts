import { CivitasError, type JsonObject } from '@civitas/core'
import type { CredentialFormat } from '../types.js'

const TYPES = { credential: 'vc+jwt', presentation: 'vp+jwt' } as const
const CLAIMS = { credential: 'vc', presentation: 'vp' } as const

/**
 * Tells which encoding a token uses from its `typ` and claims, so that one kind of token can never
 * pass as another (RFC 8725 §3.11): `vc+jwt` / `vp+jwt` with no `vc` / `vp` claim, or a VC 1.1 JWT
 * (`typ` `JWT` or absent) with a `vc` / `vp` object.
 *
 * @throws `ERR_PRESENTATION_REQUIRED` for a credential (`vc+jwt`, or a `vc` claim alone) where a
 *   presentation is expected; `ERR_TOKEN_TYPE_INVALID` for any other mismatch.
 */
export function detectFormat(
  header: JsonObject,
  payload: JsonObject,
  kind: 'credential' | 'presentation',
  expected?: CredentialFormat,
): CredentialFormat {
  const typ = header.typ
  if (kind === 'presentation' && isCredential(typ, payload)) {
    throw new CivitasError(
      'ERR_PRESENTATION_REQUIRED',
      'a credential on its own is not a presentation: the holder must present it',
    )
  }
  let format: CredentialFormat | undefined
  if (typ === TYPES[kind]) {
    if ('vc' in payload || 'vp' in payload) invalid(`a ${typ} token must not carry vc or vp claims`)
    format = 'vc+jwt'
  } else if (typ === undefined || typ === 'JWT') {
    const claim = payload[CLAIMS[kind]]
    if (typeof claim !== 'object' || claim === null || Array.isArray(claim))
      invalid(`expected a ${CLAIMS[kind]} claim`)
    if ('vc' in payload && 'vp' in payload) invalid('a token cannot carry both vc and vp claims')
    format = 'jwt_vc_json'
  } else {
    invalid(`typ ${String(typ).slice(0, 32)} is not a ${kind}`)
  }
  if (expected !== undefined && expected !== format) invalid(`expected ${expected}, received ${format}`)
  return format
}

/** A credential token: typed `vc+jwt`, or an untyped VC 1.1 JWT with a `vc` claim and no `vp`. */
function isCredential(typ: unknown, payload: JsonObject): boolean {
  if (typ === TYPES.credential) return true
  return (typ === undefined || typ === 'JWT') && 'vc' in payload && !('vp' in payload)
}

function invalid(message: string): never {
  throw new CivitasError('ERR_TOKEN_TYPE_INVALID', message)
}
