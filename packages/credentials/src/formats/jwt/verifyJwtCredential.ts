import { checkAlgorithm } from '../../internal/checkAlgorithm.js'
import { checkSchema } from '../../internal/checkSchema.js'
import { checkValidity } from '../../internal/checkValidity.js'
import { resolveSignerKeys } from '../../internal/resolveSignerKeys.js'
import { runCheck, runCheckAsync } from '../../internal/runCheck.js'
import { readTime } from '../../internal/timeOptions.js'
import { CREDENTIAL_MAX_LENGTH } from '../../internal/tokenLimits.js'
import { verifySignedBy } from '../../internal/verifySignedBy.js'
import type { VerifiedCredential, VerifyCredentialOptions } from '../../types.js'
import type { CredentialToken } from '../types.js'
import { detectJwtFormat } from './detectJwtFormat.js'
import { readCredential } from './readCredential.js'

/**
 * Verifies a JWT credential (`vc+jwt` or `jwt_vc_json`, told apart by its `typ` and claims): parse,
 * algorithm, issuer key, signature, validity, schema, each reported to `onCheck`.
 *
 * @throws the codes of `verifyCredential` for JWT credentials.
 */
export async function verifyJwtCredential(
  token: CredentialToken,
  options: VerifyCredentialOptions,
): Promise<VerifiedCredential> {
  const { resolver, onCheck } = options
  const { now, skew } = readTime(options)
  const { decoded, format, claims } = runCheck('parse', onCheck, () => {
    const decoded = token.jws(options.maxLength ?? CREDENTIAL_MAX_LENGTH)
    const format = detectJwtFormat(decoded.header, decoded.payload, 'credential', options.format)
    return { decoded, format, claims: readCredential(format, decoded.payload) }
  })
  const alg = runCheck('algorithm', onCheck, () => checkAlgorithm(decoded.header.alg))
  const keys = await runCheckAsync('issuer', onCheck, () =>
    resolveSignerKeys({
      resolver,
      did: claims.issuer,
      kid: decoded.header.kid,
      alg,
      relationship: 'assertionMethod',
      mismatch: 'ERR_ISSUER_MISMATCH',
      signed: { alg, data: decoded.signingInput, signature: decoded.signature },
    }),
  )
  const kid = await runCheckAsync('signature', onCheck, () => verifySignedBy(decoded, keys))
  runCheck('validity', onCheck, () => checkValidity(claims, now, skew))
  const schema = await runCheckAsync('schema', onCheck, () => checkSchema(claims.credential, options.schemas))
  const subject = claims.subjects[0]
  return {
    format,
    credential: claims.credential,
    issuer: claims.issuer,
    types: claims.types,
    schema,
    kid,
    token: token.text,
    ...(subject === undefined ? {} : { subject }),
    ...(claims.id === undefined ? {} : { id: claims.id }),
    ...(claims.validFrom === undefined ? {} : { validFrom: claims.validFrom }),
    ...((claims.validUntil ?? claims.expires) === undefined
      ? {}
      : { validUntil: (claims.validUntil ?? claims.expires) as number }),
  }
}
