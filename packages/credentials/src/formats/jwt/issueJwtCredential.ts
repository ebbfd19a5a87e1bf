import { CivitasError, type JsonObject, systemClock } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import { allocateCredentialStatus } from '../../internal/allocateCredentialStatus.js'
import type { CredentialFormat, IssueCredentialOptions, IssueCredentialResult } from '../../types.js'
import { idOf } from './idOf.js'
import { toJwtVcJsonClaims } from './toJwtVcJsonClaims.js'

/**
 * Signs a JWT credential: `vc+jwt` (the claims set is the credential) or `jwt_vc_json` (the VC 1.1
 * JWT of did-jwt-vc), with status entries when asked. The claims are first read and checked by
 * `checkAsVerified`, the format's own verification-side reader and schema check (passed in rather
 * than imported, so this lazily loaded code shares no module with verification), so an issuer
 * cannot sign what verifiers would refuse.
 *
 * @throws the codes of `issueCredential` for JWT credentials.
 */
export async function issueJwtCredential(
  format: Extract<CredentialFormat, 'vc+jwt' | 'jwt_vc_json'>,
  options: IssueCredentialOptions,
  checkAsVerified: (payload: JsonObject) => Promise<unknown>,
): Promise<IssueCredentialResult> {
  const { issuer, credential, validFor } = options
  if (options.disclosable !== undefined || options.holder !== undefined) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'disclosable and holder apply to dc+sd-jwt only')
  }
  if (credential.issuer !== undefined && idOf(credential.issuer, 'issuer') !== issuer.did) {
    throw new CivitasError(
      'ERR_ISSUER_MISMATCH',
      'the credential names another issuer than the signing identity',
    )
  }
  const now = (options.clock ?? systemClock)()
  const validUntil =
    credential.validUntil ?? (validFor === undefined ? undefined : new Date(now + validFor).toISOString())
  const full: JsonObject = {
    ...credential,
    issuer: credential.issuer ?? issuer.did,
    ...(validUntil === undefined ? {} : { validUntil }),
  }
  if (options.status !== undefined) {
    if (credential.credentialStatus !== undefined) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        'credential: has a credentialStatus already; drop it or the status option',
      )
    }
    full.id ??= `urn:uuid:${crypto.randomUUID()}`
  }
  const iat = Math.floor(now / 1000)
  const exp = typeof validUntil === 'string' ? Math.floor(Date.parse(validUntil) / 1000) : undefined
  const toPayload = (vc: JsonObject) =>
    format === 'vc+jwt'
      ? { ...vc, iss: issuer.did, iat, ...(exp === undefined ? {} : { exp }) }
      : toJwtVcJsonClaims(vc, issuer.did, iat, exp)
  await checkAsVerified(toPayload(full))
  // Entries are allocated only for credentials that passed their checks, so none is wasted.
  if (options.status !== undefined) {
    full.credentialStatus = await allocateCredentialStatus(options.status, idOf(full.id, 'id'))
  }
  const payload = toPayload(full)
  const typ = format === 'vc+jwt' ? 'vc+jwt' : 'JWT'
  const token = await signJws({ header: { typ, kid: issuer.kid }, payload, signer: issuer.signer })
  return { token, format, ...(typeof full.id === 'string' ? { id: full.id } : {}) }
}
