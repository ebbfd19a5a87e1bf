import { CivitasError } from '@civitas/core'
import { checkAlgorithm } from '../../internal/checkAlgorithm.js'
import {
  checkAudience,
  checkFreshness,
  checkNonce,
  DEFAULT_PRESENTATION_MAX_AGE_MS,
} from '../../internal/checkPresentationBinding.js'
import { inCredential } from '../../internal/inCredential.js'
import { resolveSignerKeys } from '../../internal/resolveSignerKeys.js'
import { runCheck, runCheckAsync } from '../../internal/runCheck.js'
import { readTime } from '../../internal/timeOptions.js'
import { PRESENTATION_MAX_LENGTH } from '../../internal/tokenLimits.js'
import { verifySignedBy } from '../../internal/verifySignedBy.js'
import type {
  CredentialFormat,
  VerifiedCredential,
  VerifiedPresentation,
  VerifyPresentationOptions,
} from '../../types.js'
import { readCredentialToken } from '../readCredentialToken.js'
import type { CredentialToken } from '../types.js'
import { detectJwtFormat } from './detectJwtFormat.js'
import { readJwtPresentation } from './readJwtPresentation.js'
import { verifyJwtCredential } from './verifyJwtCredential.js'

/**
 * Verifies a JWT presentation (`vp+jwt` or a VC 1.1 JWT with a `vp` claim) and every credential in
 * it: parse, algorithm, holder key, signature, freshness, audience, nonce, credentials, holder.
 *
 * @throws the codes of `verifyPresentation` for JWT presentations.
 */
export async function verifyJwtPresentation(
  token: CredentialToken,
  options: VerifyPresentationOptions,
): Promise<VerifiedPresentation> {
  const { resolver, onCheck } = options
  const { now, skew } = readTime(options)
  const { decoded, format, claims } = runCheck(
    'parse',
    onCheck,
    () => {
      const decoded = token.jws(options.maxLength ?? PRESENTATION_MAX_LENGTH)
      const format = detectJwtFormat(decoded.header, decoded.payload, 'presentation', options.format)
      return { decoded, format, claims: readJwtPresentation(format, decoded.payload) }
    },
    'ERR_PRESENTATION_INVALID',
  )
  const alg = runCheck('algorithm', onCheck, () => checkAlgorithm(decoded.header.alg))
  const keys = await runCheckAsync('issuer', onCheck, () =>
    resolveSignerKeys({
      resolver,
      did: claims.holder,
      kid: decoded.header.kid,
      alg,
      relationship: 'authentication',
      mismatch: 'ERR_HOLDER_MISMATCH',
      signed: { alg, data: decoded.signingInput, signature: decoded.signature },
    }),
  )
  await runCheckAsync('signature', onCheck, () => verifySignedBy(decoded, keys))
  const issuedAt = runCheck('freshness', onCheck, () =>
    checkFreshness(claims, now, skew, options.maxAgeMs ?? DEFAULT_PRESENTATION_MAX_AGE_MS),
  )
  runCheck('audience', onCheck, () => checkAudience(claims, options.audience))
  runCheck('nonce', onCheck, () => checkNonce(claims, options.nonce))
  const credentials = await runCheckAsync('credentials', onCheck, () =>
    Promise.all(
      claims.credentials.map((credential, index) => verifyEmbedded(credential, index, format, options)),
    ),
  )
  runCheck('holder', onCheck, () => {
    if (options.allowBearer === true) return
    credentials.forEach((credential, index) => {
      if (credential.subject !== claims.holder) {
        throw new CivitasError('ERR_HOLDER_MISMATCH', 'a presented credential belongs to another subject', {
          details: { credentialIndex: index },
        })
      }
    })
  })
  return {
    format,
    holder: claims.holder,
    credentials,
    audience: claims.audience,
    ...(claims.nonce === undefined ? {} : { nonce: claims.nonce }),
    issuedAt,
    token: token.text,
  }
}

/**
 * Verifies credential `index`, a JWT credential (an SD-JWT is never embedded); a `vp+jwt` envelope
 * says `application/vc+jwt`, so it must hold one.
 */
function verifyEmbedded(
  token: string,
  index: number,
  format: CredentialFormat,
  options: VerifyPresentationOptions,
): Promise<VerifiedCredential> {
  return inCredential(index, () =>
    verifyJwtCredential(readCredentialToken(token), {
      resolver: options.resolver,
      ...(format === 'vc+jwt' ? { format: 'vc+jwt' as const } : {}),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
      ...(options.schemas === undefined ? {} : { schemas: options.schemas }),
      onCheck: (name, ok, code) => options.onCredentialCheck?.(index, name, ok, code),
    }),
  )
}
