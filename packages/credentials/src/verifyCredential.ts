import { decodeJws } from '@civitas/crypto'
import { checkAlgorithm } from './internal/checkAlgorithm.js'
import { checkSchema } from './internal/checkSchema.js'
import { checkValidity } from './internal/checkValidity.js'
import { detectFormat } from './internal/detectFormat.js'
import { readCredential } from './internal/readCredential.js'
import { resolveSignerKeys } from './internal/resolveSignerKeys.js'
import { runCheck, runCheckAsync } from './internal/runCheck.js'
import { readTime } from './internal/timeOptions.js'
import { verifySignedBy } from './internal/verifySignedBy.js'
import type { VerifiedCredential, VerifyCredentialOptions } from './types.js'

// Imported once, on the first SD-JWT VC; later calls reuse the module without a new import().
let sdJwtVerifier: Promise<typeof import('./internal/sdJwt/verifySdJwtVc.js')> | undefined

/**
 * The longest credential token {@link verifyCredential} reads unless told otherwise: 256 KiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_CREDENTIAL_MAX_LENGTH, verifyCredential } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * // A credential with a large embedded photo: allow twice the default for this call only.
 * await verifyCredential(token, { resolver: createResolver(), maxLength: 2 * DEFAULT_CREDENTIAL_MAX_LENGTH })
 * ```
 */
export const DEFAULT_CREDENTIAL_MAX_LENGTH = 262_144

/**
 * Verifies a credential token: its encoding and type, the algorithm against the issuer's key, the
 * key under the issuer DID's `assertionMethod`, the signature, both validity windows (with clock
 * skew) and, when the credential names a known JSON Schema, the schema.
 *
 * An SD-JWT VC (`dc+sd-jwt`, issued with all or some of its disclosures and no key-binding JWT)
 * is checked the same way, with **disclosures** in place of the schema: every disclosure's digest
 * must be in the payload exactly once, none may overwrite a claim or disclose `iss`, `nbf`,
 * `exp`, `cnf`, `vct` or `status`. `credential` is then the processed payload: the claims always
 * visible plus the disclosed ones, and nothing else.
 *
 * @see https://www.w3.org/TR/vc-data-model-2.0/#verification
 * @see https://www.w3.org/TR/vc-jose-cose/#securing-with-jose
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-sd-jwt-vc/ (SD-JWT VC)
 * @throws a CivitasError whose `details.check` names the failed check: `ERR_INPUT_TOO_LARGE`,
 *   `ERR_JWS_*`, `ERR_JSON_*`, `ERR_TOKEN_TYPE_INVALID`, `ERR_CREDENTIAL_INVALID`,
 *   `ERR_ALGORITHM_UNSUPPORTED`, `ERR_ALGORITHM_MISMATCH`, `ERR_ISSUER_MISMATCH`, `ERR_DID_*`,
 *   `ERR_VERIFICATION_METHOD_NOT_FOUND`, `ERR_VERIFICATION_RELATIONSHIP`, `ERR_SIGNATURE_INVALID`,
 *   `ERR_TOKEN_ISSUED_IN_FUTURE`, `ERR_CREDENTIAL_NOT_YET_VALID`, `ERR_CREDENTIAL_EXPIRED`,
 *   `ERR_SCHEMA_INVALID`; for SD-JWT VC also `ERR_DISCLOSURE_INVALID`.
 * @example
 * ```ts
 * import { verifyCredential } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * const { issuer, credential } = await verifyCredential(token, { resolver: createResolver() })
 * ```
 */
export async function verifyCredential(
  token: string,
  options: VerifyCredentialOptions,
): Promise<VerifiedCredential> {
  const { resolver, onCheck } = options
  const { now, skew } = readTime(options)
  if (options.format === 'dc+sd-jwt' || (typeof token === 'string' && token.includes('~'))) {
    // SD-JWT code (and its SHA-256) loads on the first SD-JWT VC, not with every verifier.
    sdJwtVerifier ??= import('./internal/sdJwt/verifySdJwtVc.js')
    const { verifySdJwtVc } = await sdJwtVerifier
    return verifySdJwtVc(token, options, { now, clockSkewMs: skew }, 'credential')
  }
  const { decoded, format, claims } = runCheck('parse', onCheck, () => {
    const decoded = decodeJws(token, { maxLength: options.maxLength ?? DEFAULT_CREDENTIAL_MAX_LENGTH })
    const format = detectFormat(decoded.header, decoded.payload, 'credential', options.format)
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
    token,
    ...(subject === undefined ? {} : { subject }),
    ...(claims.id === undefined ? {} : { id: claims.id }),
    ...(claims.validFrom === undefined ? {} : { validFrom: claims.validFrom }),
    ...((claims.validUntil ?? claims.expires) === undefined
      ? {}
      : { validUntil: (claims.validUntil ?? claims.expires) as number }),
  }
}
