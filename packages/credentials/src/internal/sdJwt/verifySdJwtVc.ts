import { CivitasError } from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import type { CredentialFormat, DecodedSdJwt, OnCheck, VerifiedCredential } from '../../types.js'
import { checkAlgorithm } from '../checkAlgorithm.js'
import { checkValidity } from '../checkValidity.js'
import { resolveSignerKeys } from '../resolveSignerKeys.js'
import { runCheck, runCheckAsync } from '../runCheck.js'
import type { TimeOptions } from '../timeOptions.js'
import { verifySignedBy } from '../verifySignedBy.js'
import { applyDisclosures } from './applyDisclosures.js'
import { LEGACY_SD_JWT_VC_TYP, readSdJwtVc, SD_JWT_VC_RESERVED, SD_JWT_VC_TYP } from './readSdJwtVc.js'
import { SD_JWT_MAX_LENGTH, splitSdJwt } from './splitSdJwt.js'

/** What SD-JWT VC verification needs; a subset of the credential and presentation options. */
export interface SdJwtVcOptions {
  resolver: Resolvable
  format?: CredentialFormat
  maxLength?: number
  legacySdJwtTyp?: boolean
  onCheck?: OnCheck
}

/**
 * Verifies the credential part of an SD-JWT VC: the `typ`, the issuer's key (a DID URL `kid` of
 * `iss` under `assertionMethod`), the signature, every disclosure, and both validity windows. A
 * key-binding JWT is refused for a bare credential (`kind: 'credential'`) and left to the caller
 * for a presentation, which passes the token it decoded already.
 *
 * @throws the codes of `verifyCredential` for SD-JWT VC.
 */
export async function verifySdJwtVc(
  token: string,
  options: SdJwtVcOptions,
  time: Required<Pick<TimeOptions, 'clockSkewMs'>> & { now: number },
  kind: 'credential' | 'presentation',
  predecoded?: DecodedSdJwt,
): Promise<VerifiedCredential> {
  const { onCheck } = options
  const decoded = runCheck('parse', onCheck, () => {
    const decoded = predecoded ?? splitSdJwt(token, { maxLength: options.maxLength ?? SD_JWT_MAX_LENGTH })
    const { typ } = decoded.jwt.header
    const legacy = options.legacySdJwtTyp === true && typ === LEGACY_SD_JWT_VC_TYP
    if (typ !== SD_JWT_VC_TYP && !legacy) {
      typeError(`typ ${String(typ).slice(0, 32)} is not an SD-JWT VC (${SD_JWT_VC_TYP})`)
    }
    if (options.format !== undefined && options.format !== 'dc+sd-jwt') {
      typeError(`expected ${options.format}, received dc+sd-jwt`)
    }
    if (kind === 'credential' && decoded.keyBinding !== undefined) {
      typeError('an SD-JWT with a key-binding JWT is a presentation; use verifyPresentation')
    }
    if (typeof decoded.jwt.payload.iss !== 'string') {
      throw new CivitasError('ERR_CREDENTIAL_INVALID', 'an SD-JWT VC needs an iss claim')
    }
    return decoded
  })
  const { header, payload } = decoded.jwt
  const alg = runCheck('algorithm', onCheck, () => checkAlgorithm(header.alg))
  const keys = await runCheckAsync('issuer', onCheck, () =>
    resolveSignerKeys({
      resolver: options.resolver,
      did: payload.iss as string,
      kid: header.kid,
      alg,
      relationship: 'assertionMethod',
      mismatch: 'ERR_ISSUER_MISMATCH',
      signed: { alg, data: decoded.jwt.signingInput, signature: decoded.jwt.signature },
    }),
  )
  const kid = await runCheckAsync('signature', onCheck, () => verifySignedBy(decoded.jwt, keys))
  const claims = runCheck('disclosures', onCheck, () =>
    readSdJwtVc(applyDisclosures(payload, decoded.disclosures, { reserved: SD_JWT_VC_RESERVED })),
  )
  runCheck('validity', onCheck, () => checkValidity(claims, time.now, time.clockSkewMs))
  const subject = claims.subjects[0]
  return {
    format: 'dc+sd-jwt',
    credential: claims.credential,
    issuer: claims.issuer,
    types: claims.types,
    schema: 'none',
    kid,
    token,
    ...(subject === undefined ? {} : { subject }),
    ...(claims.id === undefined ? {} : { id: claims.id }),
    ...(claims.notBefore === undefined ? {} : { validFrom: claims.notBefore }),
    ...(claims.expires === undefined ? {} : { validUntil: claims.expires }),
    ...(claims.holderKey === undefined ? {} : { holderKey: claims.holderKey }),
  }
}

function typeError(message: string): never {
  throw new CivitasError('ERR_TOKEN_TYPE_INVALID', message)
}
