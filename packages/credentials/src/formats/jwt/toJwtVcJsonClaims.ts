import { CivitasError, type JsonObject } from '@civitas/core'

const VC_V1 = 'https://www.w3.org/2018/credentials/v1'
const VC_V2 = 'https://www.w3.org/ns/credentials/v2'

/**
 * The VC 1.1 JWT claims of a credential, as did-jwt-vc writes them: `vc` with a v1 context and no
 * subject id, `iss`, `sub`, `jti`, `nbf` (from `validFrom`, else the issue time), `exp`.
 */
export function toJwtVcJsonClaims(
  credential: JsonObject,
  issuer: string,
  iat: number,
  exp: number | undefined,
): JsonObject {
  const { id, issuer: _issuer, validFrom, validUntil: _validUntil, credentialSubject, ...rest } = credential
  const context = [rest['@context'] ?? []].flat().map((entry) => (entry === VC_V2 ? VC_V1 : entry))
  if (context[0] !== VC_V1) context.unshift(VC_V1)
  if (
    typeof credentialSubject !== 'object' ||
    credentialSubject === null ||
    Array.isArray(credentialSubject)
  ) {
    throw new CivitasError(
      'ERR_CREDENTIAL_INVALID',
      'a jwt_vc_json credential needs one credentialSubject object',
    )
  }
  const { id: sub, ...subjectClaims } = credentialSubject
  const nbf = typeof validFrom === 'string' ? Math.floor(Date.parse(validFrom) / 1000) : iat
  return {
    vc: { ...rest, '@context': context, credentialSubject: subjectClaims },
    iss: issuer,
    ...(typeof sub === 'string' ? { sub } : {}),
    ...(typeof id === 'string' ? { jti: id } : {}),
    nbf,
    iat,
    ...(exp === undefined ? {} : { exp }),
  }
}
