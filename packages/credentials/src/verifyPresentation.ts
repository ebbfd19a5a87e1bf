import { CivitasError } from '@civitas/core'
import { decodeJws } from '@civitas/crypto'
import { checkAlgorithm } from './internal/checkAlgorithm.js'
import {
  checkAudience,
  checkFreshness,
  checkNonce,
  DEFAULT_PRESENTATION_MAX_AGE_MS,
} from './internal/checkPresentationBinding.js'
import { detectFormat } from './internal/detectFormat.js'
import { inCredential } from './internal/inCredential.js'
import { readPresentation } from './internal/readPresentation.js'
import { resolveSignerKeys } from './internal/resolveSignerKeys.js'
import { runCheck, runCheckAsync } from './internal/runCheck.js'
import { readTime } from './internal/timeOptions.js'
import { verifySignedBy } from './internal/verifySignedBy.js'
import type {
  CredentialFormat,
  VerifiedCredential,
  VerifiedPresentation,
  VerifyPresentationOptions,
} from './types.js'
import { verifyCredential } from './verifyCredential.js'

// Imported once, on the first SD-JWT presentation; later calls reuse the module without a new import().
let sdJwtPresentationVerifier:
  | Promise<typeof import('./internal/sdJwt/verifySdJwtPresentation.js')>
  | undefined

/**
 * The longest presentation token {@link verifyPresentation} reads unless told otherwise: 1 MiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_PRESENTATION_MAX_LENGTH, verifyPresentation } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * // A relying party that expects one small credential accepts much less than the default.
 * await verifyPresentation(token, {
 *   resolver: createResolver(),
 *   audience: 'https://hotel.example',
 *   nonce: 'n-0S6_WzA2Mj',
 *   maxLength: Math.min(65_536, DEFAULT_PRESENTATION_MAX_LENGTH),
 * })
 * ```
 */
export const DEFAULT_PRESENTATION_MAX_LENGTH = 1_048_576

/**
 * Verifies a presentation and every credential in it: the holder's key under `authentication`,
 * the signature, `iat` freshness, `aud` and `nonce`, each embedded credential in full (signature,
 * issuer key, validity, schema), and holder binding — each credential's subject must be the
 * presenter unless `allowBearer` is set.
 *
 * Proof of possession is never optional here: a credential given on its own fails with
 * `ERR_PRESENTATION_REQUIRED`, and an SD-JWT without its key-binding JWT with `ERR_KEY_BINDING_MISSING`.
 *
 * An SD-JWT VC presentation (SD-JWT+KB) is checked as its credential (issuer key, signature,
 * every disclosure, validity), then its **keyBinding** (`typ: kb+jwt`, signed by the `cnf` key,
 * `sd_hash` over exactly what was presented), freshness, audience and nonce. A key-binding JWT is
 * required. The credential holds only the claims disclosed; `holder` is its `sub`, or the holder
 * key's RFC 9278 thumbprint URI when it has none.
 *
 * @see https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations
 * @see https://www.w3.org/TR/vc-jose-cose/#securing-with-jose
 * @see https://www.rfc-editor.org/rfc/rfc9901#section-4.3 (SD-JWT key binding)
 * @throws a CivitasError whose `details.check` names the failed check (and `details.credentialIndex`
 *   the credential): the codes of {@link verifyCredential}, plus `ERR_PRESENTATION_INVALID`,
 *   `ERR_PRESENTATION_REQUIRED`,
 *   `ERR_HOLDER_MISMATCH`, `ERR_PRESENTATION_STALE`, `ERR_AUDIENCE_MISMATCH`, `ERR_AUDIENCE_REQUIRED`, `ERR_NONCE_MISMATCH`;
 *   for SD-JWT also `ERR_DISCLOSURE_INVALID`, `ERR_KEY_BINDING_MISSING`, `ERR_KEY_BINDING_INVALID`.
 * @example
 * ```ts
 * import { verifyPresentation } from '@civitas/credentials'
 * import { createResolver } from '@civitas/did'
 *
 * declare const token: string
 * const { holder, credentials } = await verifyPresentation(token, {
 *   resolver: createResolver(), audience: 'https://hotel.example', nonce: 'n-0S6_WzA2Mj',
 * })
 * ```
 */
export async function verifyPresentation(
  token: string,
  options: VerifyPresentationOptions,
): Promise<VerifiedPresentation> {
  const { resolver, onCheck } = options
  const { now, skew } = readTime(options)
  if (options.format === 'dc+sd-jwt' || (typeof token === 'string' && token.includes('~'))) {
    // SD-JWT code (and its SHA-256) loads on the first SD-JWT presentation.
    sdJwtPresentationVerifier ??= import('./internal/sdJwt/verifySdJwtPresentation.js')
    const { verifySdJwtPresentation } = await sdJwtPresentationVerifier
    return verifySdJwtPresentation(token, options, { now, clockSkewMs: skew })
  }
  const { decoded, format, claims } = runCheck(
    'parse',
    onCheck,
    () => {
      const decoded = decodeJws(token, { maxLength: options.maxLength ?? DEFAULT_PRESENTATION_MAX_LENGTH })
      const format = detectFormat(decoded.header, decoded.payload, 'presentation', options.format)
      return { decoded, format, claims: readPresentation(format, decoded.payload) }
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
    token,
  }
}

/** Verifies credential `index`; a `vp+jwt` envelope says `application/vc+jwt`, so it must hold one. */
function verifyEmbedded(
  token: string,
  index: number,
  format: CredentialFormat,
  options: VerifyPresentationOptions,
): Promise<VerifiedCredential> {
  return inCredential(index, () =>
    verifyCredential(token, {
      resolver: options.resolver,
      ...(format === 'vc+jwt' ? { format: 'vc+jwt' as const } : {}),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
      ...(options.schemas === undefined ? {} : { schemas: options.schemas }),
      onCheck: (name, ok, code) => options.onCredentialCheck?.(index, name, ok, code),
    }),
  )
}
